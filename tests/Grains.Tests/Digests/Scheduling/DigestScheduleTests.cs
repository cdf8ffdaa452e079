using TermSync.Digests;
using TermSync.Invoices;

namespace TermSync.Grains.Tests.Digests.Scheduling;

/// <summary>
/// The digest schedule driven by a fake clock: the tests wake the digest grain as its reminder would, as often
/// as they like, and check which digests went out and when.
/// </summary>
public sealed class DigestScheduleTests
{
    /// <summary>Sunday 6 December 2026, 09:00 UTC; the next default slot is Monday 7 December at 08:00.</summary>
    private static readonly DateTimeOffset SundayMorning = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset MondaySlot = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Minute_ticks_for_a_day_send_one()
    {
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning);
        var customerId = await PastDueCustomerAsync(cluster, "UTC");

        await cluster.TickAsync(customerId, TimeSpan.FromMinutes(1), SundayMorning.AddDays(1));

        var digest = Assert.Single(await cluster.HistoryAsync(customerId));
        Assert.Equal(MondaySlot, digest.CreatedAt);
        Assert.Equal(DigestReason.Schedule, digest.Reason);
        Assert.Equal("2026-12-07", digest.Key);
        Assert.Equal(DeliveryStatus.Delivered, digest.Delivery);
    }

    [Fact]
    public async Task Thirteen_days_down_sends_owed_once()
    {
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning);
        var customerId = await PastDueCustomerAsync(cluster, "UTC");
        await cluster.TickAsync(customerId, TimeSpan.FromMinutes(1), MondaySlot.AddMinutes(-1));
        Assert.Empty(await cluster.HistoryAsync(customerId));

        // Nothing wakes the grain from just before the slot until 13 days after it.
        var back = MondaySlot.AddDays(13);
        cluster.Clock.SetUtcNow(back);
        var caughtUp = await cluster.WakeAsync(customerId);
        await cluster.TickAsync(customerId, TimeSpan.FromMinutes(10), new DateTimeOffset(2026, 12, 21, 7, 50, 0, TimeSpan.Zero));

        Assert.Equal(DigestRunStatus.Sent, caughtUp.Status);
        var digest = Assert.Single(await cluster.HistoryAsync(customerId));
        Assert.Equal(back, digest.CreatedAt);
        Assert.Equal("2026-12-14", digest.Key);

        await cluster.TickAsync(customerId, TimeSpan.FromMinutes(10), new DateTimeOffset(2026, 12, 21, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(["2026-12-14", "2026-12-21"], (await cluster.HistoryAsync(customerId)).Select(record => record.Key));
    }

    [Fact]
    public async Task New_York_slot_stays_local_across_dst()
    {
        // Daylight-saving time ends in New York on Sunday 1 November 2026: 06:00 is 10:00 UTC before and 11:00 UTC after.
        var start = new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero);
        await using var cluster = await FakeClockCluster.StartAsync(start);
        var customerId = await PastDueCustomerAsync(cluster, "America/New_York");
        var digest = cluster.Grains.GetGrain<IDigestGrain>(customerId);
        await digest.SetPreferencesAsync(DigestPreferences.Default with { LocalTime = new TimeOnly(6, 0) });

        await cluster.TickAsync(customerId, TimeSpan.FromMinutes(5), new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero));

        var history = await cluster.HistoryAsync(customerId);
        Assert.Equal(
            [new DateTimeOffset(2026, 10, 26, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 11, 0, 0, TimeSpan.Zero)],
            history.Select(record => record.CreatedAt));
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.All(history, record => Assert.Equal(new TimeSpan(6, 0, 0), TimeZoneInfo.ConvertTime(record.CreatedAt, newYork).TimeOfDay));
        Assert.Equal(["2026-10-26", "2026-11-02"], history.Select(record => record.Key));
    }

    [Fact]
    public async Task Zone_change_keeps_local_slot_time()
    {
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning);
        var customerId = await PastDueCustomerAsync(cluster, "UTC");
        var vendorId = await TestData.RegisterVendorAsync(cluster.Grains, "West");
        var draft = TestData.Draft(customerId, 40m, issued: "2026-11-01", due: "2026-12-01");

        // The newest invoice moves the customer to Los Angeles, where Monday 08:00 is 16:00 UTC.
        await cluster.Grains.Invoice(vendorId, "W-1").IssueAsync(draft with { Customer = draft.Customer with { TimeZone = "America/Los_Angeles" } });
        await cluster.TickAsync(customerId, TimeSpan.FromMinutes(10), new DateTimeOffset(2026, 12, 7, 20, 0, 0, TimeSpan.Zero));

        var digest = Assert.Single(await cluster.HistoryAsync(customerId));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 16, 0, 0, TimeSpan.Zero), digest.CreatedAt);
        Assert.Equal("America/Los_Angeles", (await cluster.Grains.GetGrain<IDigestGrain>(customerId).GetScheduleAsync()).TimeZone);
    }

    [Fact]
    public async Task Duplicate_wake_sends_nothing()
    {
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning);
        var customerId = await PastDueCustomerAsync(cluster, "UTC");
        cluster.Clock.SetUtcNow(MondaySlot);

        var first = await cluster.WakeAsync(customerId);
        var second = await cluster.WakeAsync(customerId);

        Assert.Equal(DigestRunStatus.Sent, first.Status);
        Assert.Equal(DigestRunStatus.NotDue, second.Status);
        Assert.Single(await cluster.HistoryAsync(customerId));
    }

    [Fact]
    public async Task Twice_weekly_sends_on_both_days()
    {
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning);
        var customerId = await PastDueCustomerAsync(cluster, "UTC");
        await cluster.Grains.GetGrain<IDigestGrain>(customerId).SetPreferencesAsync(
            DigestPreferences.Default with { Frequency = DigestFrequency.TwiceWeekly, SecondWeekday = DayOfWeek.Thursday });

        await cluster.TickAsync(customerId, TimeSpan.FromMinutes(30), SundayMorning.AddDays(7));

        Assert.Equal(["2026-12-07", "2026-12-10"], (await cluster.HistoryAsync(customerId)).Select(record => record.Key));
    }

    [Fact]
    public async Task Monthly_sends_on_day_of_month()
    {
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning);
        var customerId = await PastDueCustomerAsync(cluster, "UTC");
        await cluster.Grains.GetGrain<IDigestGrain>(customerId).SetPreferencesAsync(
            DigestPreferences.Default with { Frequency = DigestFrequency.Monthly, DayOfMonth = 15 });

        await cluster.TickAsync(customerId, TimeSpan.FromHours(1), new DateTimeOffset(2027, 1, 20, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(["2026-12-15", "2027-01-15"], (await cluster.HistoryAsync(customerId)).Select(record => record.Key));
    }

    [Fact]
    public async Task Unsubscribed_customer_gets_nothing()
    {
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning);
        var customerId = await PastDueCustomerAsync(cluster, "UTC");
        var digest = cluster.Grains.GetGrain<IDigestGrain>(customerId);
        await digest.UnsubscribeAsync();

        await cluster.TickAsync(customerId, TimeSpan.FromHours(1), SundayMorning.AddDays(8));
        var requested = await digest.RunAsync(new DateOnly(2026, 12, 14), DigestReason.VendorRequest, "north");

        Assert.Equal(DigestRunStatus.Unsubscribed, requested.Status);
        Assert.Empty(await cluster.HistoryAsync(customerId));
        Assert.Null((await digest.GetScheduleAsync()).NextDueAt);
    }

    /// <summary>Creates a customer in <paramref name="timeZone"/> with one invoice that was past due long before the test starts.</summary>
    internal static async Task<string> PastDueCustomerAsync(FakeClockCluster cluster, string timeZone)
    {
        var vendorId = await TestData.RegisterVendorAsync(cluster.Grains, "North");
        var customerId = TestData.NewId("c");
        var draft = TestData.Draft(customerId, 250m, issued: "2026-09-01", due: "2026-10-01");
        await cluster.Grains.Invoice(vendorId, "N-1").IssueAsync(draft with { Customer = draft.Customer with { TimeZone = timeZone } });
        return customerId;
    }
}
