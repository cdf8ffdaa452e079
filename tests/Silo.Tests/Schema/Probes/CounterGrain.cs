namespace TermSync.Silo.Tests.Schema.Probes;

/// <summary>A grain with one persistent counter, for checking ADO.NET grain storage.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<CounterSnapshot> IncrementAsync();

    Task<CounterSnapshot> GetAsync();

    /// <summary>Deactivates after this call, so the next call activates anew and reads storage.</summary>
    Task DeactivateAsync();
}

/// <summary>The counter value, the storage ETag, and the id of the activation that returned them.</summary>
[GenerateSerializer, Alias("TermSync.Silo.Tests.CounterSnapshot")]
public sealed record CounterSnapshot([property: Id(0)] int Value, [property: Id(1)] string? ETag, [property: Id(2)] Guid ActivationId);

[GenerateSerializer, Alias("TermSync.Silo.Tests.CounterState")]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }
}

public sealed class CounterGrain(
    [PersistentState(CounterGrain.StateName, ProbeSilo.StorageName)] IPersistentState<CounterState> counter)
    : Grain, ICounterGrain
{
    /// <summary>
    /// The state name, which the ADO.NET provider stores as the type string in place of the grain
    /// type. It differs from the grain type name "counter" so that a test can tell them apart.
    /// </summary>
    public const string StateName = "tally";

    private readonly Guid _activationId = Guid.NewGuid();

    public async Task<CounterSnapshot> IncrementAsync()
    {
        counter.State.Value++;
        await counter.WriteStateAsync();
        return Snapshot();
    }

    public Task<CounterSnapshot> GetAsync() => Task.FromResult(Snapshot());

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private CounterSnapshot Snapshot() => new(counter.State.Value, counter.Etag, _activationId);
}
