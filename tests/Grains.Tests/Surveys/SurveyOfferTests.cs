using TermSync.Digests;
using TermSync.Grains.Tests.Digests.Scheduling;
using TermSync.Surveys;
using TermSync.Vendors;

namespace TermSync.Grains.Tests.Surveys;

/// <summary>Surveys offered in weekly digests over months of fake time, with the one-per-90-days rule and the fair pick.</summary>
public sealed class SurveyOfferTests
{
    /// <summary>Sunday 6 December 2026, 09:00 UTC. Weekly digests go out on Mondays at 08:00 UTC.</summary>
    private static readonly DateTimeOffset SundayMorning = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset SecondMonday = new(2026, 12, 14, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Five_paid_vendors_get_one_survey()
    {
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning);
        var customerId = await DigestScheduleTests.PastDueCustomerAsync(cluster, "UTC");
        var vendors = new List<(string Id, string Name)>();
        foreach (var name in new[] { "Alder", "Birch", "Cedar", "Douglas", "Elm" })
        {
            var vendorId = await TestData.RegisterVendorAsync(cluster.Grains, name);
            vendors.Add((vendorId, name));
            await cluster.Grains.Invoice(vendorId, "P-1").IssueAsync(TestData.Draft(customerId, 100m, issued: "2026-11-20", due: "2027-06-30"));
            await cluster.Grains.Invoice(vendorId, "P-2").IssueAsync(TestData.Draft(customerId, 50m, issued: "2026-11-20", due: "2027-06-30"));
        }

        // Cedar pays first, on Monday 7 December at noon, then one vendor a day until Friday.
        var payers = new[] { vendors[2], vendors[0], vendors[4], vendors[1], vendors[3] };
        for (var day = 0; day < payers.Length; day++)
        {
            await cluster.TickAsync(customerId, TimeSpan.FromHours(1), new DateTimeOffset(2026, 12, 7 + day, 12, 0, 0, TimeSpan.Zero));
            await cluster.Grains.Invoice(payers[day].Id, "P-1").ApplyPaymentAsync($"pay-{day}", 100m, new DateOnly(2026, 12, 7 + day));
        }

        // The customer answers after the second digest that asks, so later digests within the 90 days ask nothing.
        await cluster.TickAsync(customerId, TimeSpan.FromHours(1), SecondMonday.AddDays(7).AddHours(1));
        var surveys = cluster.Grains.GetGrain<ICustomerSurveyGrain>(customerId);
        var offered = (await surveys.GetAsync()).Pending;
        Assert.NotNull(offered);
        Assert.Equal(SurveyAnswerStatus.Recorded, (await surveys.AnswerAsync(offered.SurveyId, 4, null)).Status);
        var nextOfferFrom = SecondMonday + SurveyRules.OfferInterval;
        await cluster.TickAsync(customerId, TimeSpan.FromHours(1), nextOfferFrom.AddDays(2));

        var history = await cluster.HistoryAsync(customerId);
        var withinNinetyDays = history.Where(record => record.CreatedAt < nextOfferFrom.AddDays(2)).ToList();
        Assert.Equal(15, withinNinetyDays.Count);
        Assert.Equal([offered.SurveyId], withinNinetyDays.Select(record => record.SurveyId).OfType<string>().Distinct());
        Assert.Equal([SecondMonday, SecondMonday.AddDays(7)], withinNinetyDays.Where(record => record.SurveyId is not null).Select(record => record.CreatedAt));
        Assert.Equal((vendors[2].Id, SurveyTrigger.InvoicePaid, "P-1", SecondMonday), (offered.VendorId, offered.Trigger, offered.Reference, offered.OfferedAt));

        var received = Directory.GetFiles(Path.Combine(cluster.OutboxPath, customerId), "*.txt").Select(File.ReadAllText).ToList();
        Assert.Equal(15, received.Count);
        Assert.Equal(2, received.Count(text => text.Contains("How satisfied are you with Cedar?", StringComparison.Ordinal)));
        Assert.Equal(2, received.Count(text => text.Contains("How satisfied are you with", StringComparison.Ordinal)));

        // Every qualification of December has lapsed by the 15 March digest, so it asks nothing.
        var march15 = new DateTimeOffset(2027, 3, 15, 8, 0, 0, TimeSpan.Zero);
        Assert.Null(history.Single(record => record.CreatedAt == march15).SurveyId);
        Assert.Empty((await surveys.GetAsync()).Qualified);

        // Cedar, surveyed before, is paid again before Alder, which was never surveyed, so Alder gets the second survey.
        await cluster.Grains.Invoice(vendors[2].Id, "P-2").ApplyPaymentAsync("pay-cedar-2", 50m, new DateOnly(2027, 3, 16));
        await cluster.TickAsync(customerId, TimeSpan.FromHours(1), march15.AddDays(2));
        await cluster.Grains.Invoice(vendors[0].Id, "P-2").ApplyPaymentAsync("pay-alder-2", 50m, new DateOnly(2027, 3, 17));
        await cluster.TickAsync(customerId, TimeSpan.FromHours(1), march15.AddDays(7).AddHours(1));

        var second = Assert.Single(await cluster.HistoryAsync(customerId), record => record.CreatedAt == march15.AddDays(7));
        var view = await surveys.GetAsync();
        Assert.NotNull(view.Pending);
        Assert.Equal(second.SurveyId, view.Pending.SurveyId);
        Assert.Equal(vendors[0].Id, view.Pending.VendorId);
        Assert.NotEqual(offered.SurveyId, view.Pending.SurveyId);
        Assert.Equal([vendors[2].Id], view.Qualified.Select(qualification => qualification.VendorId));
    }

    [Fact]
    public async Task Nothing_actionable_sends_no_survey()
    {
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning);
        var north = await TestData.RegisterVendorAsync(cluster.Grains, "North");
        var south = await TestData.RegisterVendorAsync(cluster.Grains, "South");
        var customerId = TestData.NewId("c");
        await cluster.Grains.Invoice(north, "N-1").IssueAsync(TestData.Draft(customerId, 80m, issued: "2026-09-01", due: "2026-10-01"));
        await cluster.Grains.Invoice(south, "S-1").IssueAsync(TestData.Draft(customerId, 30m, issued: "2026-09-01", due: "2026-10-01"));
        await cluster.Grains.Invoice(south, "S-1").ApplyPaymentAsync("pay-s", 30m, new DateOnly(2026, 12, 6));

        await cluster.TickAsync(customerId, TimeSpan.FromHours(1), new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        await cluster.Grains.Invoice(north, "N-1").ApplyPaymentAsync("pay-n", 80m, new DateOnly(2026, 12, 8));
        await cluster.TickAsync(customerId, TimeSpan.FromHours(1), new DateTimeOffset(2026, 12, 29, 9, 0, 0, TimeSpan.Zero));

        var digest = Assert.Single(await cluster.HistoryAsync(customerId));
        var surveys = await cluster.Grains.GetGrain<ICustomerSurveyGrain>(customerId).GetAsync();
        Assert.NotNull(surveys.Pending);
        Assert.Equal(digest.SurveyId, surveys.Pending.SurveyId);
        Assert.Equal(south, surveys.Pending.VendorId);
        Assert.Equal([north], surveys.Qualified.Select(qualification => qualification.VendorId));
    }

    [Fact]
    public async Task Paid_customer_alone_gets_no_digest()
    {
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning);
        var vendorId = await TestData.RegisterVendorAsync(cluster.Grains, "North");
        var customerId = TestData.NewId("c");
        await cluster.Grains.Invoice(vendorId, "N-1").IssueAsync(TestData.Draft(customerId, 80m, issued: "2026-09-01", due: "2026-10-01"));
        await cluster.Grains.Invoice(vendorId, "N-1").ApplyPaymentAsync("pay-n", 80m, new DateOnly(2026, 12, 6));

        await cluster.TickAsync(customerId, TimeSpan.FromHours(1), SecondMonday.AddHours(1));

        Assert.Empty(await cluster.HistoryAsync(customerId));
        var surveys = await cluster.Grains.GetGrain<ICustomerSurveyGrain>(customerId).GetAsync();
        Assert.Null(surveys.Pending);
        Assert.Null(surveys.NextOfferFrom);
        Assert.Equal([(vendorId, "N-1")], surveys.Qualified.Select(qualification => (qualification.VendorId, qualification.Reference)));
    }
}
