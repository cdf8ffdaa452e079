using System.Diagnostics;
using TermSync.Benchmarks.Ingest;

namespace TermSync.Benchmarks.DigestCycle;

/// <summary>
/// Starts a silo in this process, seeds the workload, and runs the measured rounds. Each round deactivates every idle
/// grain and runs the first cycle of a new week, in which every customer gets a digest, and then runs the same cycle
/// again at once, in which every customer already has one. After each cycle it checks the counts and the outbox, and it
/// stops at the first failed check.
/// </summary>
public sealed class DigestCycleBenchmark(TextWriter progress)
{
    /// <summary>Runs the benchmark; <paramref name="siloLogger"/> receives the silo's warnings and errors.</summary>
    public async Task<DigestCycleReport> RunAsync(DigestCycleOptions options, Serilog.ILogger siloLogger, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        await using var silo = await BenchmarkSilo.StartAsync(siloLogger, cancellationToken);

        await progress.WriteLineAsync($"Seeding {DigestWorkload.Vendors.Count} vendors and {options.Customers:N0} customers with {DigestCycleOptions.InvoicesPerCustomer} invoices each.");
        var seed = await new NetworkSeeder(silo.Grains, progress).SeedAsync(options, cancellationToken);
        await progress.WriteLineAsync($"Seeded {seed.InvoicesCreated:N0} invoices in {seed.Elapsed.TotalSeconds:F1} s.");
        var afterSeeding = MemorySnapshot.Take(afterFullCollection: true);
        var activations = await silo.Grains.GetGrain<IManagementGrain>(0).GetTotalActivationCount();

        var problems = new List<string>(seed.Failures);
        var loadAtStart = LoadAverage.Read();
        var cycles = new List<CycleMeasurement>();
        var scans = new List<OutboxScan>();
        var runner = new CycleRunner(silo.Grains);
        for (var round = 1; round <= options.Rounds && problems.Count == 0; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var asOf = options.AsOfRound(round);

            var first = await runner.RunAsync(round, "first", asOf, deactivateIdleGrains: true);
            var firstScan = OutboxScan.Count(silo.OutboxPath, asOf);
            await ReportAsync(first);
            problems.AddRange(DigestCycleChecks.CheckFirst(first, firstScan, options.Customers));

            var repeated = await runner.RunAsync(round, "repeated", asOf, deactivateIdleGrains: false);
            var repeatedScan = OutboxScan.Count(silo.OutboxPath, asOf);
            await ReportAsync(repeated);
            problems.AddRange(DigestCycleChecks.CheckRepeated(repeated, repeatedScan, options.Customers));

            cycles.Add(first);
            cycles.Add(repeated);
            scans.Add(firstScan);

            // Every round starts from an empty outbox, so each writes the same files. The round's files are moved aside,
            // not deleted: the kernel's inode allocator of ext4 slows down while many inodes were freed in the last minutes,
            // so deleting them here would slow the next round's writes. Disposing the silo deletes them all after the run.
            if (Directory.Exists(silo.OutboxPath))
            {
                Directory.Move(silo.OutboxPath, $"{silo.OutboxPath}-round-{round}");
            }
        }

        using var process = Process.GetCurrentProcess();
        return new DigestCycleReport(
            options,
            seed,
            afterSeeding,
            activations,
            silo.CollectionAge,
            cycles,
            scans,
            process.PeakWorkingSet64,
            loadAtStart,
            LoadAverage.Read(),
            startedAt,
            DateTimeOffset.UtcNow,
            problems);
    }

    private Task ReportAsync(CycleMeasurement cycle) => progress.WriteLineAsync(
        $"Round {cycle.Round}, {cycle.Name} cycle as of {cycle.AsOf:yyyy-MM-dd}: {cycle.Result.Sent:N0} sent, {cycle.Result.AlreadySent:N0} already sent " +
        $"of {cycle.Result.Customers:N0} customers in {cycle.Elapsed.TotalSeconds:F1} s; peak working set {cycle.Peak.WorkingSetBytes / 1048576.0:N0} MiB.");
}
