using TermSync.Digests;

namespace TermSync.Customers;

/// <summary>
/// One shard of the list of all network customers, keyed by <see cref="ShardOf"/>. A digest cycle
/// walks all shards; nothing on the invoice path calls them after a customer's first invoice.
/// </summary>
[Alias("termsync.ICustomerDirectoryGrain")]
public interface ICustomerDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Number of shards. Changing it reassigns customers, so it is fixed.</summary>
    const int ShardCount = 64;

    /// <summary>Returns the shard that lists <paramref name="customerId"/>; stable across processes.</summary>
    static int ShardOf(string customerId)
    {
        // string.GetHashCode is randomized per process, so a fixed FNV-1a hash picks the shard.
        var hash = 2166136261u;
        foreach (var character in customerId)
        {
            hash = (hash ^ character) * 16777619u;
        }

        return (int)(hash % ShardCount);
    }

    /// <summary>Adds a customer to the shard; adding it again changes nothing.</summary>
    [Alias("Add")]
    Task AddAsync(string customerId);

    /// <summary>Returns the ids of the customers in this shard.</summary>
    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();

    /// <summary>Runs the digest of every customer in this shard for <paramref name="asOf"/>, or for each customer's local today when null.</summary>
    /// <remarks>
    /// A shard of a large network takes longer than the default 30 s response timeout. NOTE: a caller whose shard
    /// was on a silo that dies may wait the full 10 minutes for a response. Running the cycle again is safe.
    /// </remarks>
    [Alias("RunDigests"), ResponseTimeout("00:10:00")]
    Task<DigestCycleResult> RunDigestsAsync(DateOnly? asOf);
}
