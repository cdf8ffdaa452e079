using TermSync.Grains.Security;

namespace TermSync.Grains.Tests.Security;

public sealed class LastUseThrottleTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Throttle_writes_at_most_once_per_minute()
    {
        var throttle = new LastUseThrottle();
        throttle.Stored(null);

        var first = throttle.ShouldWrite(Start);
        throttle.Stored(Start);
        var soon = throttle.ShouldWrite(Start.AddSeconds(59));
        var pending = throttle.IsPending(Start.AddSeconds(59));
        var later = throttle.ShouldWrite(Start.AddMinutes(1));

        Assert.True(first);
        Assert.False(soon);
        Assert.True(pending);
        Assert.True(later);
        Assert.False(throttle.IsPending(Start));
    }

    [Fact]
    public void Throttle_counts_from_stored_use()
    {
        var throttle = new LastUseThrottle();
        throttle.Stored(Start);

        Assert.False(throttle.ShouldWrite(Start.AddSeconds(30)));
        Assert.True(throttle.ShouldWrite(Start.AddSeconds(60)));
    }
}
