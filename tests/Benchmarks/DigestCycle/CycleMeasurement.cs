using TermSync.Digests;

namespace TermSync.Benchmarks.DigestCycle;

/// <summary>One timed digest cycle.</summary>
/// <param name="Name">"first" for the first cycle of a week, "repeated" for the same cycle run again.</param>
/// <param name="Elapsed">Wall-clock time from the fan-out to the last shard's response.</param>
/// <param name="ProcessorTime">CPU time of the whole process over the cycle, on all cores.</param>
/// <param name="Peak">Peak memory over the samples taken every 200 ms during the cycle.</param>
/// <param name="ActivationsBefore">Grain activations in the silo when the cycle started; a grain deactivated since seeding is activated again by the cycle.</param>
/// <param name="FullCollections">Generation 2 garbage collections during the cycle.</param>
public sealed record CycleMeasurement(
    int Round,
    string Name,
    DateOnly AsOf,
    DigestCycleResult Result,
    int ActivationsBefore,
    TimeSpan Elapsed,
    TimeSpan ProcessorTime,
    MemorySnapshot Peak,
    int Samples,
    int FullCollections)
{
    /// <summary>Customers visited per second of wall-clock time.</summary>
    public double CustomersPerSecond => Result.Customers / Elapsed.TotalSeconds;
}
