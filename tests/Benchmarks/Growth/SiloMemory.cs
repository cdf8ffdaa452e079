using System.Diagnostics;

namespace TermSync.Benchmarks.Growth;

/// <summary>The memory of this process after a full compacting garbage collection, with the silo's activation count.</summary>
/// <param name="ManagedHeapBytes">Bytes on the managed heap that the collection kept (<see cref="GC.GetTotalMemory(bool)"/>).</param>
/// <param name="WorkingSetBytes">Physical memory in use by the process (<see cref="Process.WorkingSet64"/>), which
/// includes heap memory that the collector freed but has not returned to the operating system.</param>
/// <param name="CommittedBytes">Memory the garbage collector has committed for the heap (<see cref="GCMemoryInfo.TotalCommittedBytes"/>).</param>
public readonly record struct SiloMemory(long ManagedHeapBytes, long WorkingSetBytes, long CommittedBytes, int Activations)
{
    /// <summary>Runs a full blocking compacting collection, waits for finalizers, and reads the memory and the activation count.</summary>
    public static async Task<SiloMemory> TakeAsync(IGrainFactory grains)
    {
        var activations = await grains.GetGrain<IManagementGrain>(0).GetTotalActivationCount();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new SiloMemory(managed, process.WorkingSet64, GC.GetGCMemoryInfo().TotalCommittedBytes, activations);
    }
}
