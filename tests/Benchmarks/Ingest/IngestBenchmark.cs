using System.Collections.Concurrent;
using TermSync.Importer.Api;

namespace TermSync.Benchmarks.Ingest;

/// <summary>
/// Registers the generated vendors, sends the warm-up and measured rounds, and reads the stored invoices back.
/// The API returns 200 for a batch only after every invoice that is not rejected is stored in PostgreSQL,
/// so an acknowledged invoice is a persisted one.
/// </summary>
public sealed class IngestBenchmark(TermSyncClient client, IngestVerifier verifier, RequestCountingHandler requests, TextWriter progress)
{
    /// <summary>Sends <paramref name="workload"/> to an API whose database contains none of its invoices yet.</summary>
    /// <exception cref="TermSyncApiException">A request failed after the client's retries.</exception>
    public async Task<IngestReport> RunAsync(IngestOptions options, IngestWorkload workload, CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync($"Registering {workload.Vendors.Count} vendors. Each round sends {workload.InvoicesPerRound} invoices.");
        foreach (var vendor in workload.Vendors)
        {
            await client.RegisterVendorAsync(vendor, cancellationToken);
        }

        var loadAtStart = LoadAverage.Read();
        var requestsBefore = requests.Count;
        var acknowledged = new ConcurrentQueue<AcknowledgedInvoice>();
        var round = new IngestRound(client, options.Senders);
        var rounds = new List<RoundResult>();
        var plan = Enumerable.Range(1, options.WarmupRounds).Select(number => (Name: $"warm-up {number}", Tag: $"W{number}", Measured: false))
            .Concat(Enumerable.Range(1, options.Rounds).Select(number => (Name: $"round {number}", Tag: $"R{number}", Measured: true)));
        foreach (var (name, tag, measured) in plan)
        {
            var result = await round.RunAsync(name, measured, workload.BatchesFor(tag), acknowledged, cancellationToken);
            rounds.Add(result);
            await progress.WriteLineAsync($"{name}: {result.Acknowledged} invoices in {result.Elapsed.TotalSeconds:F1} s, {result.InvoicesPerSecond:F0} invoices/s");
        }

        var loadAtEnd = LoadAverage.Read();
        var retries = requests.Count - requestsBefore - rounds.Sum(result => result.Batches);

        await progress.WriteLineAsync($"Reading back {options.Samples} invoices and the figures of {workload.Vendors.Count} vendors.");
        var verification = await verifier.VerifyAsync(
            [.. acknowledged], [.. workload.Vendors.Select(vendor => vendor.Id)], options.Samples, options.Network.Seed, cancellationToken);

        return new IngestReport(options, workload.InvoicesPerRound, workload.InvoicesLeftOut, rounds, retries, loadAtStart, loadAtEnd, verification);
    }
}
