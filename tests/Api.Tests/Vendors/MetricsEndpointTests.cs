using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TermSync.Conversations;

namespace TermSync.Api.Tests.Vendors;

[Collection(ApiCollection.Name)]
public sealed class MetricsEndpointTests(ApiFixture fixture)
{
    // Vendors that ApiRequests registers are in Europe/Berlin, which is on CET (+01:00) until 29 March 2026.
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    public static TheoryData<string, string, string> InvalidQueries => new()
    {
        { "response-time", "windowDays=0", "windowDays" },
        { "response-time", "windowDays=3651", "windowDays" },
        { "response-time", "windowDays=ninety", "windowDays" },
        { "response-time", "asOf=2026-13-01", "asOf" },
        { "response-time", "asOf=03/01/2026", "asOf" },
        { "invoice-accuracy", "windowDays=-5", "windowDays" },
        { "invoice-accuracy", "asOf=2026-02-30", "asOf" },
        { "invoice-accuracy", "asOf=0001-01-05&windowDays=90", "asOf" },
        { "response-time", "asOf=9999-12-31", "asOf" },
    };

    [Theory]
    [MemberData(nameof(InvalidQueries))]
    public async Task Invalid_query_names_the_field(string metric, string query, string field)
    {
        using var vendor = await fixture.CreateVendorClientAsync();

        var response = await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}/metrics/{metric}?{query}", TestContext.Current.CancellationToken);

        var fields = await HttpAssertions.AssertValidationProblemAsync(response);
        Assert.Equal([field], fields);
    }

    [Fact]
    public async Task Unknown_vendor_is_not_found()
    {
        var vendorId = ApiRequests.NewId("v");

        var response = await fixture.Client.GetAsync($"/vendors/{vendorId}/metrics/response-time", TestContext.Current.CancellationToken);

        var detail = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains(vendorId, detail);
    }

    [Fact]
    public async Task Response_time_happy_path()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var figures = Grains.GetGrain<IVendorConversationFiguresGrain>(vendor.VendorId);

        // Friday 16:30 to Monday 09:30 in Berlin: 65 calendar hours and 1 business hour.
        await figures.ApplyAsync(Event(Conversation(vendor.VendorId, "c1", new(2026, 3, 6, 16, 30, 0, Cet), new(2026, 3, 9, 9, 30, 0, Cet), TimeSpan.FromHours(1), ["INV-1"])));

        // Monday 10:00, never answered: at the end of Tuesday it is 38 calendar hours and 15 business hours old.
        await figures.ApplyAsync(Event(Conversation(vendor.VendorId, "c2", new(2026, 3, 9, 10, 0, 0, Cet), null, null, ["INV-2"])));

        var body = await (await vendor.Client.GetAsync(
            $"/vendors/{vendor.VendorId}/metrics/response-time?asOf=2026-03-10&windowDays=7",
            TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal("2026-03-10", body.GetProperty("asOf").GetString());
        Assert.Equal(7, body.GetProperty("windowDays").GetInt32());
        Assert.Equal("2026-03-04", body.GetProperty("windowStart").GetString());
        Assert.Equal("Europe/Berlin", body.GetProperty("timeZone").GetString());
        Assert.Equal(1, body.GetProperty("firstResponseCalendar").GetProperty("count").GetInt32());
        Assert.Equal(65m, body.GetProperty("firstResponseCalendar").GetProperty("medianHours").GetDecimal());
        Assert.Equal(1m, body.GetProperty("firstResponseBusiness").GetProperty("p90Hours").GetDecimal());
        Assert.Equal(1, body.GetProperty("unansweredCount").GetInt32());
        Assert.Equal(38m, body.GetProperty("oldestUnansweredHours").GetDecimal());
        Assert.Equal(15m, body.GetProperty("oldestUnansweredBusinessHours").GetDecimal());
        Assert.Equal(0, body.GetProperty("resolutionCalendar").GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("resolutionCalendar").GetProperty("medianHours").ValueKind);
    }

    [Fact]
    public async Task Invoice_accuracy_happy_path()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var account = ApiRequests.NewId("acct");
        var batch = ApiRequests.Batch(
            ApiRequests.Invoice("A", account, 10m, issueDate: "2026-03-02", dueDate: "2026-04-01"),
            ApiRequests.Invoice("B", account, 10m, issueDate: "2026-03-03", dueDate: "2026-04-01"),
            ApiRequests.Invoice("C", account, 10m, issueDate: "2026-03-04", dueDate: "2026-04-01"),
            ApiRequests.Invoice("OLD", account, 10m, issueDate: "2025-01-04", dueDate: "2025-02-01"));
        await (await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/invoices/batch", batch)).ReadJsonAsync();
        var figures = Grains.GetGrain<IVendorConversationFiguresGrain>(vendor.VendorId);
        await figures.ApplyAsync(Event(Conversation(vendor.VendorId, "q1", new(2026, 3, 5, 10, 0, 0, Cet), null, null, ["B", "OLD"])));

        var body = await (await vendor.Client.GetAsync(
            $"/vendors/{vendor.VendorId}/metrics/invoice-accuracy?asOf=2026-03-31",
            TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal(90, body.GetProperty("windowDays").GetInt32());
        Assert.Equal(3, body.GetProperty("issuedCount").GetInt32());
        Assert.Equal(1, body.GetProperty("queriedCount").GetInt32());
        Assert.Equal(33.33m, body.GetProperty("disputeRatePercent").GetDecimal());
        Assert.Equal(66.67m, body.GetProperty("invoiceAccuracyPercent").GetDecimal());
    }

    [Fact]
    public async Task As_of_defaults_to_vendor_today()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var before = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, berlin).DateTime);

        var body = await (await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}/metrics/invoice-accuracy", TestContext.Current.CancellationToken)).ReadJsonAsync();

        var after = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, berlin).DateTime);
        var asOf = DateOnly.Parse(body.GetProperty("asOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(asOf, before, after);
        Assert.Equal(90, body.GetProperty("windowDays").GetInt32());
        Assert.Equal(0, body.GetProperty("issuedCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("disputeRatePercent").ValueKind);
    }

    private IGrainFactory Grains => fixture.Factory.Services.GetRequiredService<IClusterClient>();

    private static ConversationView Conversation(
        string vendorId, string conversationId, DateTimeOffset openedAt, DateTimeOffset? firstResponseAt, TimeSpan? businessTime, string[] invoices) =>
        new(
            vendorId,
            conversationId,
            "customer-1",
            "account-1",
            ConversationKind.Question,
            null,
            [.. invoices.Select(number => new ConversationInvoice(number))],
            ConversationStatus.Open,
            false,
            openedAt,
            [],
            firstResponseAt is null ? 1 : 2,
            FirstResponseAt: firstResponseAt,
            FirstResponseBusinessTime: businessTime);

    private static ConversationEvent Event(ConversationView conversation) =>
        new($"{conversation.ConversationId}-{conversation.Version}", VendorEventType.QuestionOpened, conversation.OpenedAt, conversation);
}
