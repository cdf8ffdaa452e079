using System.Diagnostics;

namespace TermSync.Benchmarks.DigestCycle;

/// <summary>The memory of this process at one moment, in bytes.</summary>
/// <param name="WorkingSetBytes">Physical memory in use by the process (<see cref="Process.WorkingSet64"/>).</param>
/// <param name="ManagedHeapBytes">Bytes allocated on the managed heap and not yet collected (<see cref="GC.GetTotalMemory(bool)"/>).</param>
/// <param name="CommittedBytes">Memory the garbage collector has committed for the heap (<see cref="GCMemoryInfo.TotalCommittedBytes"/>).</param>
public readonly record struct MemorySnapshot(long WorkingSetBytes, long ManagedHeapBytes, long CommittedBytes)
{
    /// <summary>Reads the memory of this process; with <paramref name="afterFullCollection"/>, after a full blocking garbage collection.</summary>
    public static MemorySnapshot Take(bool afterFullCollection = false)
    {
        var managed = GC.GetTotalMemory(forceFullCollection: afterFullCollection);
        using var process = Process.GetCurrentProcess();
        return new MemorySnapshot(process.WorkingSet64, managed, GC.GetGCMemoryInfo().TotalCommittedBytes);
    }

    /// <summary>Returns the larger of each figure.</summary>
    public MemorySnapshot Max(MemorySnapshot other) => new(
        Math.Max(WorkingSetBytes, other.WorkingSetBytes),
        Math.Max(ManagedHeapBytes, other.ManagedHeapBytes),
        Math.Max(CommittedBytes, other.CommittedBytes));
}

/// <summary>Samples the memory of this process at a fixed interval and keeps the peak of each figure.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private MemorySnapshot _peak;
    private int _samples;

    private MemorySampler(TimeSpan interval)
    {
        Sample();
        _loop = RunAsync(interval);
    }

    /// <summary>Takes a first sample now and then one every <paramref name="interval"/>.</summary>
    public static MemorySampler Start(TimeSpan interval) => new(interval);

    /// <summary>Takes a last sample, stops sampling and returns the peaks and the number of samples.</summary>
    public async Task<(MemorySnapshot Peak, int Samples)> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Sample();
        return (_peak, _samples);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Sample();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped by StopAsync or DisposeAsync.
        }
    }

    private void Sample()
    {
        _peak = _peak.Max(MemorySnapshot.Take());
        _samples++;
    }
}
