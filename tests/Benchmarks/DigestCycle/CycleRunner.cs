using System.Diagnostics;
using TermSync.Customers;
using TermSync.Digests;

namespace TermSync.Benchmarks.DigestCycle;

/// <summary>
/// Runs a digest cycle the way POST /digest-cycles does: every directory shard runs the digests of its customers
/// for the date, all shards at once, and their counts are summed.
/// </summary>
public sealed class CycleRunner(IGrainFactory grains)
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Prepares the silo (not timed), then times one cycle for <paramref name="asOf"/> while sampling memory. A full
    /// garbage collection before each cycle gives every cycle the same starting heap.
    /// </summary>
    /// <param name="deactivateIdleGrains">Whether to deactivate every idle grain first, as a week without calls to them
    /// would, so that the cycle activates each grain it calls and reads its state from storage.</param>
    public async Task<CycleMeasurement> RunAsync(int round, string name, DateOnly asOf, bool deactivateIdleGrains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        if (deactivateIdleGrains)
        {
            // Grains marked [KeepAlive], such as the in-memory storage grains that contain the stored state, stay active.
            await management.ForceActivationCollection(TimeSpan.Zero);
        }

        var activations = await management.GetTotalActivationCount();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();

        using var process = Process.GetCurrentProcess();
        var processorBefore = process.TotalProcessorTime;
        var collectionsBefore = GC.CollectionCount(2);
        await using var sampler = MemorySampler.Start(SampleInterval);
        var stopwatch = Stopwatch.StartNew();

        var shards = await Task.WhenAll(Enumerable.Range(0, ICustomerDirectoryGrain.ShardCount)
            .Select(shard => grains.GetGrain<ICustomerDirectoryGrain>(shard).RunDigestsAsync(asOf)));

        stopwatch.Stop();
        var (peak, samples) = await sampler.StopAsync();
        process.Refresh();

        var result = shards.Aggregate(DigestCycleResult.Empty, (sum, shard) => sum.Add(shard));
        return new CycleMeasurement(
            round,
            name,
            asOf,
            result,
            activations,
            stopwatch.Elapsed,
            process.TotalProcessorTime - processorBefore,
            peak,
            samples,
            GC.CollectionCount(2) - collectionsBefore);
    }
}
