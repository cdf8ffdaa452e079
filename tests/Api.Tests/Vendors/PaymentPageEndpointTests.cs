using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TermSync.Api.Tests.Conversations;
using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Tests.Vendors;

[Collection(ApiCollection.Name)]
public sealed class PaymentPageEndpointTests(ApiFixture fixture)
{
    private const string Template = "https://pay.example.com/checkout?invoice={invoiceNumber}&amount={amount}&currency={currency}";

    [Fact]
    public async Task Template_is_stored_and_cleared()
    {
        using var vendor = await fixture.CreateVendorClientAsync();

        var unset = await (await GetAsync(vendor)).ReadJsonAsync();
        var put = await (await PutAsync(vendor, new { urlTemplate = Template })).ReadJsonAsync();
        var get = await (await GetAsync(vendor)).ReadJsonAsync();
        var cleared = await (await PutAsync(vendor, new { urlTemplate = (string?)null })).ReadJsonAsync();

        Assert.Equal(JsonValueKind.Null, unset.GetProperty("urlTemplate").ValueKind);
        Assert.Equal(Template, put.GetProperty("urlTemplate").GetString());
        Assert.Equal(Template, get.GetProperty("urlTemplate").GetString());
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("urlTemplate").ValueKind);
    }

    [Theory]
    [InlineData("https://pay.example.com/checkout", "{invoiceNumber}")]
    [InlineData("http://pay.example.com/{invoiceNumber}", "https")]
    [InlineData("https://pay.example.com/{invoiceNumber}?c={customer}", "{customer}")]
    public async Task Invalid_template_names_field_and_fix(string template, string expected)
    {
        using var vendor = await fixture.CreateVendorClientAsync();

        var response = await PutAsync(vendor, new { urlTemplate = template });
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var fields = await HttpAssertions.AssertValidationProblemAsync(response);

        Assert.Equal(["urlTemplate"], fields);
        Assert.Contains(expected, body);
        Assert.Equal(JsonValueKind.Null, (await (await GetAsync(vendor)).ReadJsonAsync()).GetProperty("urlTemplate").ValueKind);
    }

    [Fact]
    public async Task Other_vendor_key_is_not_found()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        using var other = await fixture.CreateVendorClientAsync();

        var response = await other.Client.PutAsJsonAsync($"/vendors/{vendor.VendorId}/payment-page", new { urlTemplate = Template }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await (await GetAsync(vendor)).ReadJsonAsync()).GetProperty("urlTemplate").ValueKind);
    }

    [Fact]
    public async Task Pay_link_shows_pay_now()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        using var links = new ConversationLinkClient(fixture);
        var customerId = await links.PushAsync(vendor.VendorId, "A/1 <b>", ApiRequests.NewId("acc"), 1250.5m);
        await (await PutAsync(vendor, new { urlTemplate = Template })).ReadJsonAsync();

        var (status, html) = await links.GetAsync($"/links/pay?token={links.Token(DigestLinkPurpose.Pay, customerId, vendor.VendorId, "A/1 <b>")}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(
            "<a href=\"https://pay.example.com/checkout?invoice=A%2F1%20%3Cb%3E&amp;amount=1250.50&amp;currency=USD\" rel=\"noopener noreferrer\">Pay now</a>",
            html);
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public async Task Pay_link_without_template_has_no_link()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        using var links = new ConversationLinkClient(fixture);
        var customerId = await links.PushAsync(vendor.VendorId, "B-1", ApiRequests.NewId("acc"), 10m);

        var (status, html) = await links.GetAsync($"/links/pay?token={links.Token(DigestLinkPurpose.Pay, customerId, vendor.VendorId, "B-1")}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("How to pay", html);
        Assert.DoesNotContain("Pay now", html);
    }

    private static Task<HttpResponseMessage> PutAsync(VendorClient vendor, object body) =>
        vendor.Client.PutAsJsonAsync($"/vendors/{vendor.VendorId}/payment-page", body, TestContext.Current.CancellationToken);

    private static Task<HttpResponseMessage> GetAsync(VendorClient vendor) =>
        vendor.Client.GetAsync($"/vendors/{vendor.VendorId}/payment-page", TestContext.Current.CancellationToken);
}
