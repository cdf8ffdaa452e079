using System.Net;

namespace TermSync.Api.Tests.Conversations;

[Collection(ApiCollection.Name)]
public sealed class CustomerConversationApiTests(ApiFixture fixture) : IDisposable
{
    private readonly ConversationLinkClient links = new(fixture);

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Customer_opens_replies_and_withdraws()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var customerId = await links.PushAsync(vendorId, "P-1", ApiRequests.NewId("acc"), 80m);
        var body = new { vendorId, conversationId = "portal-1", kind = "dispute", invoices = new[] { new { invoiceNumber = "P-1", disputedAmount = 20m } }, reason = "notReceived", authorName = "Dana", text = "Half never arrived." };

        var opened = await (await Client.PostJsonAsync($"/customers/{customerId}/conversations", body)).ReadJsonAsync(HttpStatusCode.Created);
        var repeated = await (await Client.PostJsonAsync($"/customers/{customerId}/conversations", body)).ReadJsonAsync(HttpStatusCode.OK);
        var replied = await (await Client.PostJsonAsync($"/customers/{customerId}/conversations/{vendorId}/portal-1/messages",
            new { messageId = "m-1", authorName = "Dana", text = "Any news?" })).ReadJsonAsync(HttpStatusCode.Created);
        var withdrawn = await (await Client.PostJsonAsync($"/customers/{customerId}/conversations/{vendorId}/portal-1/withdrawal",
            new { authorName = "Dana" })).ReadJsonAsync(HttpStatusCode.OK);
        var read = await (await Client.GetAsync($"/customers/{customerId}/conversations/{vendorId}/portal-1", TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal(customerId, opened.GetProperty("customerId").GetString());
        Assert.False(opened.GetProperty("recordedByStaff").GetBoolean());
        Assert.Equal(1, repeated.GetProperty("version").GetInt32());
        Assert.Equal("customer", replied.GetProperty("messages")[1].GetProperty("author").GetString());
        Assert.Equal("withdrawn", withdrawn.GetProperty("outcome").GetString());
        Assert.Equal("resolved", read.GetProperty("status").GetString());
        Assert.Equal(0m, (await links.StatementLineAsync(customerId, "P-1")).GetProperty("disputedAmount").GetDecimal());
    }

    [Fact]
    public async Task Invalid_opening_names_fields()
    {
        var customerId = await links.PushAsync(await ApiRequests.CreateVendorAsync(Client), "F-1", ApiRequests.NewId("acc"), 10m);
        var body = new { vendorId = "Not A Vendor", conversationId = "bad id", kind = (string?)null, invoices = Array.Empty<object>(), authorName = "", text = "" };

        var fields = await HttpAssertions.AssertValidationProblemAsync(await Client.PostJsonAsync($"/customers/{customerId}/conversations", body));

        Assert.Equal(["authorName", "conversationId", "invoices", "kind", "text", "vendorId"], fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dispute_without_reason_names_reason()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var customerId = await links.PushAsync(vendorId, "F-2", ApiRequests.NewId("acc"), 10m);
        var body = new { vendorId, kind = "dispute", invoices = new[] { new { invoiceNumber = "F-2", disputedAmount = -1m } }, authorName = "Dana", text = "Wrong." };

        var response = await Client.PostJsonAsync($"/customers/{customerId}/conversations", body);
        var problem = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var fields = await HttpAssertions.AssertValidationProblemAsync(response);

        Assert.Equal(["invoices[0].disputedAmount", "reason"], fields.Order(StringComparer.Ordinal));
        Assert.Contains("The disputed amount -1 must be greater than zero", problem);
    }

    [Fact]
    public async Task Other_customer_conversation_is_not_found()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var owner = await links.PushAsync(vendorId, "O-1", ApiRequests.NewId("acc"), 10m);
        var stranger = await links.PushAsync(vendorId, "O-2", ApiRequests.NewId("acc"), 10m);
        var body = new { vendorId, conversationId = "owned-1", kind = "question", invoices = new[] { new { invoiceNumber = "O-1" } }, authorName = "Dana", text = "When is it due?" };
        await (await Client.PostJsonAsync($"/customers/{owner}/conversations", body)).ReadJsonAsync(HttpStatusCode.Created);

        var read = await Client.GetAsync($"/customers/{stranger}/conversations/{vendorId}/owned-1", TestContext.Current.CancellationToken);
        var reply = await Client.PostJsonAsync($"/customers/{stranger}/conversations/{vendorId}/owned-1/messages", new { authorName = "Eve", text = "Hi" });
        var withdrawal = await Client.PostJsonAsync($"/customers/{stranger}/conversations/{vendorId}/owned-1/withdrawal", new { authorName = "Eve" });
        var unknown = await Client.GetAsync($"/customers/{stranger}/conversations/{vendorId}/never-opened", TestContext.Current.CancellationToken);
        var sameOpening = await Client.PostJsonAsync($"/customers/{stranger}/conversations", body);
        var othersInvoice = await Client.PostJsonAsync($"/customers/{stranger}/conversations", body with { conversationId = "stranger-1" });

        var readDetail = await HttpAssertions.AssertProblemAsync(read, HttpStatusCode.NotFound);
        await HttpAssertions.AssertProblemAsync(reply, HttpStatusCode.NotFound);
        await HttpAssertions.AssertProblemAsync(withdrawal, HttpStatusCode.NotFound);
        var unknownDetail = await HttpAssertions.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(readDetail.Replace("owned-1", "never-opened", StringComparison.Ordinal), unknownDetail);
        var sameOpeningDetail = await HttpAssertions.AssertProblemAsync(sameOpening, HttpStatusCode.Conflict);
        Assert.DoesNotContain("When is it due?", sameOpeningDetail);
        Assert.Equal(["invoices[0].invoiceNumber"], await HttpAssertions.AssertValidationProblemAsync(othersInvoice));
        var owned = await (await Client.GetAsync($"/customers/{owner}/conversations/{vendorId}/owned-1", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Single(owned.GetProperty("messages").EnumerateArray());
        Assert.Equal("open", owned.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Vendor_key_cannot_use_customer_api()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var customerId = await links.PushAsync(vendor.VendorId, "K-1", ApiRequests.NewId("acc"), 10m);

        var response = await vendor.Client.GetAsync($"/customers/{customerId}/conversations/{vendor.VendorId}/any", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public void Dispose() => links.Dispose();
}
