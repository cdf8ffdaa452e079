using System.Collections.Concurrent;
using Npgsql;
using TermSync.Importer.Api;

namespace TermSync.Benchmarks.Ingest;

/// <summary>
/// Registers the generated vendors, sends the warm-up and measured rounds, reads the stored invoices back, and then
/// runs the COPY and naive baselines on the same invoices. The API returns 200 for a batch only after every invoice
/// that is not rejected is stored in PostgreSQL, so an acknowledged invoice is a persisted one.
/// </summary>
public sealed class IngestBenchmark(TermSyncClient client, IngestVerifier verifier, RequestCountingHandler requests, TextWriter progress)
{
    /// <summary>Statements with the most database time during the measured rounds that the report lists.</summary>
    private const int TopStatements = 5;

    /// <summary>Sends <paramref name="workload"/> to an API whose database contains none of its invoices yet.</summary>
    /// <exception cref="TermSyncApiException">A request failed after the client's retries.</exception>
    public async Task<IngestReport> RunAsync(IngestOptions options, IngestWorkload workload, CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync($"Registering {workload.Vendors.Count} vendors. Each round sends {workload.InvoicesPerRound} invoices.");
        foreach (var vendor in workload.Vendors)
        {
            await client.RegisterVendorAsync(vendor, cancellationToken);
        }

        await using var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        var statistics = new StatementStatistics(dataSource);
        Dictionary<(long QueryId, uint UserId), StatementTotal>? statementsBefore = null;
        string? statementsUnavailable = null;

        var loadAtStart = LoadAverage.Read();
        var requestsBefore = requests.Count;
        var acknowledged = new ConcurrentQueue<AcknowledgedInvoice>();
        var round = new IngestRound(client, options.Senders);
        var rounds = new List<RoundResult>();
        foreach (var (name, tag, measured) in PlanRounds(options))
        {
            if (measured && statementsBefore is null && statementsUnavailable is null)
            {
                (statementsBefore, statementsUnavailable) = await statistics.SnapshotAsync(cancellationToken);
            }

            var result = await round.RunAsync(name, measured, workload.BatchesFor(tag), acknowledged, cancellationToken);
            rounds.Add(result);
            await progress.WriteLineAsync($"{name}: {result.Acknowledged} invoices in {result.Elapsed.TotalSeconds:F1} s, {result.InvoicesPerSecond:F0} invoices/s");
        }

        var loadAtEnd = LoadAverage.Read();
        var retries = requests.Count - requestsBefore - rounds.Sum(result => result.Batches);
        var statements = await CompareStatementsAsync(statistics, statementsBefore, statementsUnavailable, cancellationToken);

        await progress.WriteLineAsync($"Reading back {options.Samples} invoices and the figures of {workload.Vendors.Count} vendors.");
        var verification = await verifier.VerifyAsync(
            [.. acknowledged], [.. workload.Vendors.Select(vendor => vendor.Id)], options.Samples, options.Network.Seed, cancellationToken);

        // The baselines run after the checks, so their writes cannot change what the checks read.
        BaselineResult? baselines = null;
        if (options.RunBaselines)
        {
            await progress.WriteLineAsync("Running the COPY and naive baselines while the API is idle.");
            baselines = await new IngestBaselines(dataSource, progress).RunAsync(options, workload, cancellationToken);
        }

        return new IngestReport(
            options, workload.InvoicesPerRound, workload.InvoicesLeftOut, rounds, retries, loadAtStart, loadAtEnd, verification, baselines, statements);
    }

    /// <summary>Returns the warm-up rounds, then the measured ones, each with the tag that starts its invoice numbers.</summary>
    public static IReadOnlyList<(string Name, string Tag, bool Measured)> PlanRounds(IngestOptions options) =>
    [
        .. Enumerable.Range(1, options.WarmupRounds).Select(number => ($"warm-up {number}", $"W{number}", false)),
        .. Enumerable.Range(1, options.Rounds).Select(number => ($"round {number}", $"R{number}", true)),
    ];

    private static async Task<StatementProfile> CompareStatementsAsync(
        StatementStatistics statistics,
        Dictionary<(long QueryId, uint UserId), StatementTotal>? before,
        string? unavailable,
        CancellationToken cancellationToken)
    {
        if (before is null)
        {
            return StatementProfile.NotRead(unavailable ?? "pg_stat_statements was not read.");
        }

        var (after, unavailableAfter) = await statistics.SnapshotAsync(cancellationToken);
        return after is null ? StatementProfile.NotRead(unavailableAfter!) : StatementStatistics.Compare(before, after, TopStatements);
    }
}
