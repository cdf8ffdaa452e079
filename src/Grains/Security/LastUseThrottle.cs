namespace TermSync.Grains.Security;

/// <summary>
/// Decides when an API key's last-use time is written to storage: at most once per <see cref="Interval"/>.
/// A key authenticates every request of its vendor, so a write per request would put a storage round trip on
/// every API call. The grain keeps the exact time in memory in between and writes it when it deactivates.
/// </summary>
public sealed class LastUseThrottle
{
    /// <summary>Minimum time between two stored last-use times: one minute.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _stored;

    /// <summary>Returns whether a use at <paramref name="usedAt"/> is at least <see cref="Interval"/> after the stored one.</summary>
    public bool ShouldWrite(DateTimeOffset usedAt) => _stored is not { } stored || usedAt - stored >= Interval;

    /// <summary>Returns whether <paramref name="lastUsedAt"/> differs from the stored last-use time.</summary>
    public bool IsPending(DateTimeOffset? lastUsedAt) => lastUsedAt != _stored;

    /// <summary>Records the last-use time that storage contains now, after a read or a write of the state.</summary>
    public void Stored(DateTimeOffset? lastUsedAt) => _stored = lastUsedAt;
}
