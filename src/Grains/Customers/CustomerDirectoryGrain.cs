using Microsoft.Extensions.Logging;
using TermSync.Customers;
using TermSync.Digests;

namespace TermSync.Grains.Customers;

[GenerateSerializer, Alias("termsync.CustomerDirectoryState")]
public sealed class CustomerDirectoryState
{
    [Id(0)]
    public SortedSet<string> CustomerIds { get; set; } = new(StringComparer.Ordinal);
}

public sealed partial class CustomerDirectoryGrain(
    [PersistentState("directory", StorageNames.Default)] IPersistentState<CustomerDirectoryState> state,
    ILogger<CustomerDirectoryGrain> logger) : Grain, ICustomerDirectoryGrain
{
    // Digest grains render and write files, so a shard starts a bounded number at a time.
    private const int MaxConcurrentDigests = 32;

    public async Task AddAsync(string customerId)
    {
        if (state.State.CustomerIds.Add(customerId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.CustomerIds]);

    public async Task<DigestCycleResult> RunDigestsAsync(DateOnly? asOf)
    {
        var result = DigestCycleResult.Empty;
        foreach (var chunk in state.State.CustomerIds.Chunk(MaxConcurrentDigests))
        {
            var runs = await Task.WhenAll(chunk.Select(id => GrainFactory.GetGrainCached<IDigestGrain>(id).RunAsync(asOf, DigestReason.Cycle, null)));
            result = runs.Aggregate(result, (sum, run) => sum.Add(DigestCycleResult.Of(run)));
        }

        LogShardCycleDone(this.GetPrimaryKeyLong(), asOf, result.Sent, result.Customers);
        return result;
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "Directory shard {Shard} ran digests as of {AsOf}: {Sent} sent of {Customers} customers")]
    private partial void LogShardCycleDone(long shard, DateOnly? asOf, int sent, int customers);
}
