using Npgsql;

namespace TermSync.Benchmarks.Ingest;

/// <summary>
/// Runs both baselines on the invoices of the TermSync rounds, under the same invoice numbers, with as many warm-up
/// and measured rounds: first binary COPY, then one grain state write per invoice. Run it while the API is idle,
/// because both share the machine and the database with it.
/// </summary>
public sealed class IngestBaselines(NpgsqlDataSource dataSource, TextWriter progress)
{
    /// <summary>
    /// Grain calls that one batch request keeps in flight in the API (InvoiceBatchIssuer.MaxConcurrentCalls), so the
    /// naive baseline keeps as many calls in flight as the API does with all its batches in flight.
    /// </summary>
    private const int ApiCallsPerBatch = 1000;

    /// <summary>Npgsql's default Maximum Pool Size, which the API's grain storage runs with.</summary>
    private const int DefaultPoolSize = 100;

    /// <summary>Connections left free on the server for the driver's own data source and for psql.</summary>
    private const int SpareConnections = 10;

    /// <summary>Runs the COPY rounds, then starts the naive silo, runs its rounds and stops it.</summary>
    public async Task<BaselineResult> RunAsync(IngestOptions options, IngestWorkload workload, CancellationToken cancellationToken)
    {
        var plan = IngestBenchmark.PlanRounds(options);

        var copy = new CopyBaseline(dataSource, options.Senders);
        await copy.CreateTableAsync(cancellationToken);
        var copyRounds = new List<BaselineRound>();
        foreach (var (name, tag, measured) in plan)
        {
            var round = await copy.RunAsync(name, measured, workload.BatchesFor(tag), cancellationToken);
            copyRounds.Add(round);
            await progress.WriteLineAsync($"COPY {name}: {round.Invoices} invoices in {round.Elapsed.TotalSeconds:F2} s, {round.InvoicesPerSecond:F0} invoices/s");
        }

        var concurrency = options.Senders * ApiCallsPerBatch;
        var poolSize = await NaivePoolSizeAsync(cancellationToken);
        await progress.WriteLineAsync($"Starting a silo for the naive baseline, {concurrency} grain calls in flight, at most {poolSize} connections.");
        var naiveConnection = new NpgsqlConnectionStringBuilder(options.ConnectionString) { MaxPoolSize = poolSize }.ConnectionString;
        var naiveRounds = new List<BaselineRound>();
        await using (var silo = await NaiveSilo.StartAsync(naiveConnection, cancellationToken))
        {
            var naive = new NaiveBaseline(silo.Grains, concurrency);
            foreach (var (name, tag, measured) in plan)
            {
                var round = await naive.RunAsync(name, measured, workload.BatchesFor(tag), cancellationToken);
                naiveRounds.Add(round);
                await progress.WriteLineAsync($"naive {name}: {round.Invoices} invoices in {round.Elapsed.TotalSeconds:F1} s, {round.InvoicesPerSecond:F0} invoices/s");
            }
        }

        var copyRows = await copy.CountRowsAsync(cancellationToken);
        var naiveRows = await NaiveBaseline.CountRowsAsync(dataSource, cancellationToken);
        return new BaselineResult(copyRounds, naiveRounds, copyRows, naiveRows, concurrency, poolSize);
    }

    /// <summary>
    /// Returns the connection pool size of the naive silo: Npgsql's default, or fewer when the connections that the
    /// idle API keeps open leave less room under the server's max_connections.
    /// </summary>
    /// <exception cref="InvalidOperationException">The server has no connections left for the naive silo.</exception>
    private async Task<int> NaivePoolSizeAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int - count(*)::int
            FROM pg_stat_activity
            WHERE backend_type = 'client backend'
            """);
        var free = (int)(await command.ExecuteScalarAsync(cancellationToken))! - SpareConnections;
        if (free < 1)
        {
            throw new InvalidOperationException(
                $"PostgreSQL has no connections left for the naive baseline ({free + SpareConnections} free before a margin of {SpareConnections}). Raise max_connections or stop other clients of the server.");
        }

        return Math.Min(DefaultPoolSize, free);
    }
}
