using System.Net;
using System.Text.Json;
using TermSync.Api.Features.Customers.PaymentNotices.Record;
using Request = TermSync.Api.Features.Customers.PaymentNotices.Record.Request;
using TermSync.Api.Tests.Conversations;
using TermSync.Invoices;

namespace TermSync.Api.Tests.Customers;

/// <summary>
/// POST /customers/{customerId}/invoices/{vendorId}/{invoiceNumber}/payment-notices. The host reads the real time, so
/// the dates stay well inside the accepted ranges; the grain tests check the limits on a fake clock.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PaymentNoticeApiTests(ApiFixture fixture) : IDisposable
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private readonly ConversationLinkClient links = new(fixture);

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Promise_is_created_then_unchanged()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var customerId = await links.PushAsync(vendorId, "A/1", ApiRequests.NewId("acc"), 80m);
        var body = new { kind = "promised", date = Iso(Today.AddDays(14)), authorName = "Dana" };

        var created = await (await Client.PostJsonAsync(NoticePath(customerId, vendorId, "A%2F1"), body)).ReadJsonAsync(HttpStatusCode.Created);
        var repeated = await (await Client.PostJsonAsync(NoticePath(customerId, vendorId, "A%2F1"), body)).ReadJsonAsync(HttpStatusCode.OK);
        var vendorRead = await (await Client.GetAsync($"/vendors/{vendorId}/invoices/A%2F1", TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal(2, created.GetProperty("version").GetInt32());
        Assert.Equal(2, repeated.GetProperty("version").GetInt32());
        var notice = vendorRead.GetProperty("paymentNotice");
        Assert.Equal("promised", notice.GetProperty("kind").GetString());
        Assert.Equal(Iso(Today.AddDays(14)), notice.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, notice.GetProperty("method").ValueKind);
        Assert.Equal("Dana", notice.GetProperty("authorName").GetString());
        Assert.Equal("promised", (await links.StatementLineAsync(customerId, "A/1")).GetProperty("paymentNotice").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Invalid_notice_names_fields()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var customerId = await links.PushAsync(vendorId, "F-1", ApiRequests.NewId("acc"), 10m);
        var body = new { kind = "paid", date = (string?)null, method = new string('m', 101), authorName = " " };

        var fields = await HttpAssertions.AssertValidationProblemAsync(await Client.PostJsonAsync(NoticePath(customerId, vendorId, "F-1"), body));

        Assert.Equal(["authorName", "date", "method"], fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unknown_kind_is_rejected()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var customerId = await links.PushAsync(vendorId, "F-2", ApiRequests.NewId("acc"), 10m);

        var response = await Client.PostJsonAsync(NoticePath(customerId, vendorId, "F-2"), new { kind = "soon", date = Iso(Today), authorName = "Dana" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kind", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Promise_too_far_names_date()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var customerId = await links.PushAsync(vendorId, "F-3", ApiRequests.NewId("acc"), 10m);
        var late = Today.AddDays(PaymentNotice.MaxPromiseDays + 5);

        var response = await Client.PostJsonAsync(NoticePath(customerId, vendorId, "F-3"), new { kind = "promised", date = Iso(late), authorName = "Dana" });
        var problem = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var fields = await HttpAssertions.AssertValidationProblemAsync(response);

        Assert.Equal(["date"], fields);
        Assert.Contains(Iso(late), problem);
        Assert.Contains("more than 90 days ahead", problem);
    }

    [Fact]
    public async Task Paid_in_future_names_date()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var customerId = await links.PushAsync(vendorId, "F-4", ApiRequests.NewId("acc"), 10m);

        var response = await Client.PostJsonAsync(NoticePath(customerId, vendorId, "F-4"), new { kind = "paid", date = Iso(Today.AddDays(3)), method = "card", authorName = "Dana" });
        var fields = await HttpAssertions.AssertValidationProblemAsync(response);

        Assert.Equal(["date"], fields);
        Assert.Equal(JsonValueKind.Null, (await links.StatementLineAsync(customerId, "F-4")).GetProperty("paymentNotice").ValueKind);
    }

    [Fact]
    public async Task Other_customer_invoice_is_not_found()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        await links.PushAsync(vendorId, "O-1", ApiRequests.NewId("acc"), 10m);
        var stranger = await links.PushAsync(vendorId, "O-2", ApiRequests.NewId("acc"), 10m);

        var detail = await HttpAssertions.AssertProblemAsync(
            await Client.PostJsonAsync(NoticePath(stranger, vendorId, "O-1"), new { kind = "promised", date = Iso(Today.AddDays(1)), authorName = "Dana" }),
            HttpStatusCode.NotFound);

        Assert.Contains($"Customer '{stranger}' has no invoice 'O-1'", detail);
    }

    [Fact]
    public async Task Paid_invoice_is_conflict()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var customerId = await links.PushAsync(vendorId, "C-1", ApiRequests.NewId("acc"), 10m);
        await (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/C-1/payments", new { paymentReference = "p-1", amount = 10m, paidOn = "2013-02-10" })).ReadJsonAsync();

        var detail = await HttpAssertions.AssertProblemAsync(
            await Client.PostJsonAsync(NoticePath(customerId, vendorId, "C-1"), new { kind = "promised", date = Iso(Today.AddDays(1)), authorName = "Dana" }),
            HttpStatusCode.Conflict);

        Assert.Contains("nothing open", detail);
    }

    [Fact]
    public void Validator_accepts_paid_notice()
    {
        var request = new Request("c-1", "north", "A%2F1", PaymentNoticeKind.Paid, Today, "bank transfer", "Dana");

        var result = new Validator().Validate(request);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Validator_rejects_method_on_promise()
    {
        var request = new Request("c-1", "north", "A-1", PaymentNoticeKind.Promised, Today, "card", "Dana");

        var result = new Validator().Validate(request);

        Assert.Equal(["method"], result.Errors.Select(error => error.PropertyName));
    }

    public void Dispose() => links.Dispose();

    private static string NoticePath(string customerId, string vendorId, string invoiceSegment) =>
        $"/customers/{customerId}/invoices/{vendorId}/{invoiceSegment}/payment-notices";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd");
}
