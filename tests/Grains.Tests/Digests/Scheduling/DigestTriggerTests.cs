using TermSync.Digests;

namespace TermSync.Grains.Tests.Digests.Scheduling;

/// <summary>Due-soon and past-due digests between slots, and the contact budget that caps all of them.</summary>
public sealed class DigestTriggerTests
{
    /// <summary>Sunday 6 December 2026, 09:00 UTC.</summary>
    private static readonly DateTimeOffset SundayMorning = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Triggers_stay_within_weekly_budget()
    {
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning);
        var vendorId = await TestData.RegisterVendorAsync(cluster.Grains, "North");
        var customerId = TestData.NewId("c");

        // Due on Saturday 12 December: due soon from Wednesday 9 (3 days before), past due from Sunday 13.
        await cluster.Grains.Invoice(vendorId, "N-1").IssueAsync(TestData.Draft(customerId, 80m, issued: "2026-11-12", due: "2026-12-12"));
        await cluster.TickAsync(customerId, TimeSpan.FromMinutes(30), new DateTimeOffset(2026, 12, 15, 0, 0, 0, TimeSpan.Zero));

        var history = await cluster.HistoryAsync(customerId);
        Assert.Equal(["2026-12-07", "2026-12-09-due-soon", "2026-12-14"], history.Select(record => record.Key));
        Assert.Equal([DigestReason.Schedule, DigestReason.DueSoon, DigestReason.Schedule], history.Select(record => record.Reason));
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 8, 0, 0, TimeSpan.Zero), history[1].CreatedAt);
        Assert.Equal(2, history[2].Lines.Single().DaysPastDue);
    }

    [Fact]
    public async Task Vendor_request_after_trigger_hits_daily_budget()
    {
        var tuesday = new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
        await using var cluster = await FakeClockCluster.StartAsync(tuesday);
        var vendorId = await TestData.RegisterVendorAsync(cluster.Grains, "North");
        var customerId = TestData.NewId("c");
        await cluster.Grains.Invoice(vendorId, "N-1").IssueAsync(TestData.Draft(customerId, 80m, issued: "2026-11-12", due: "2026-12-12"));
        await cluster.TickAsync(customerId, TimeSpan.FromMinutes(30), tuesday.AddDays(1).AddHours(1));

        var requested = await cluster.Grains.GetGrain<IDigestGrain>(customerId).RunAsync(new DateOnly(2026, 12, 9), DigestReason.VendorRequest, vendorId);

        Assert.Equal(DigestRunStatus.BudgetExhausted, requested.Status);
        Assert.Equal(["2026-12-09-due-soon"], (await cluster.HistoryAsync(customerId)).Select(record => record.Key));
    }

    [Fact]
    public async Task Invoice_past_due_before_joining_waits_for_slot()
    {
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning);
        var customerId = await DigestScheduleTests.PastDueCustomerAsync(cluster, "UTC");

        await cluster.TickAsync(customerId, TimeSpan.FromMinutes(30), SundayMorning.AddHours(22));

        Assert.Empty(await cluster.HistoryAsync(customerId));
    }

    [Fact]
    public async Task Disabled_triggers_leave_only_slots()
    {
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning);
        var vendorId = await TestData.RegisterVendorAsync(cluster.Grains, "North");
        var customerId = TestData.NewId("c");
        await cluster.Grains.Invoice(vendorId, "N-1").IssueAsync(TestData.Draft(customerId, 80m, issued: "2026-11-12", due: "2026-12-12"));
        await cluster.Grains.GetGrain<IDigestGrain>(customerId).SetPreferencesAsync(
            DigestPreferences.Default with { DueSoonDays = null, PastDueReminder = false });

        await cluster.TickAsync(customerId, TimeSpan.FromMinutes(30), new DateTimeOffset(2026, 12, 15, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(["2026-12-07", "2026-12-14"], (await cluster.HistoryAsync(customerId)).Select(record => record.Key));
    }
}
