using TermSync.Grains.Webhooks;

namespace TermSync.Grains.Tests.Webhooks;

public sealed class WebhookRetryScheduleTests
{
    private static readonly DateTimeOffset FirstAttempt = new(2013, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly WebhookRetrySchedule _schedule = new(new WebhookOptions());

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(40, 3600)]
    public void Default_delays_double_up_to_an_hour(int failedAttempts, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), _schedule.DelayAfter(failedAttempts));
    }

    [Fact]
    public void Last_retry_falls_on_window_end()
    {
        var now = FirstAttempt + TimeSpan.FromHours(24.5);

        var next = _schedule.NextAttemptAt(FirstAttempt, now, failedAttempts: 30);

        Assert.Equal(FirstAttempt + TimeSpan.FromHours(25), next);
    }

    [Fact]
    public void No_retry_after_window()
    {
        Assert.Null(_schedule.NextAttemptAt(FirstAttempt, FirstAttempt + TimeSpan.FromHours(25), failedAttempts: 31));
    }

    [Fact]
    public void Default_schedule_retries_past_24_hours()
    {
        var now = FirstAttempt;
        var attempts = new List<DateTimeOffset> { now };
        for (var failed = 1; _schedule.NextAttemptAt(FirstAttempt, now, failed) is { } next; failed++)
        {
            now = next;
            attempts.Add(now);
        }

        Assert.Equal(32, attempts.Count);
        Assert.Equal(FirstAttempt + TimeSpan.FromHours(25), attempts[^1]);
        Assert.Equal(TimeSpan.FromSeconds(30), attempts[1] - attempts[0]);
        Assert.All(attempts.Zip(attempts.Skip(1)), pair => Assert.True(pair.Second - pair.First <= TimeSpan.FromHours(1)));
    }
}
