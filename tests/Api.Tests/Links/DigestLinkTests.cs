using System.Net;
using System.Text.RegularExpressions;

namespace TermSync.Api.Tests.Links;

[Collection(ApiCollection.Name)]
public sealed partial class DigestLinkTests(ApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Digest_links_open_invoice_pages()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client, "North <script>alert(1)</script>");
        var pushed = await (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("A/1", ApiRequests.NewId("c"), 12.5m)))).ReadJsonAsync();
        var customerId = ApiRequests.CustomerOf(pushed);

        var preview = await (await Client.GetAsync($"/customers/{customerId}/digests/preview?asOf=2013-03-01", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var links = LinkPattern().Matches(preview.GetProperty("text").GetString()!).Select(match => new Uri(match.Value).PathAndQuery).ToList();

        Assert.Equal(2, links.Count);
        foreach (var link in links)
        {
            var response = await Client.GetAsync(link, TestContext.Current.CancellationToken);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Invoice A/1", html);
            Assert.Contains("12.5 USD open", html);
            Assert.DoesNotContain("<script>", html);
        }
    }

    [Fact]
    public async Task Link_for_other_customer_is_not_valid()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        await (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("B-1", ApiRequests.NewId("c"), 99m)))).ReadJsonAsync();

        var response = await Client.GetAsync($"/pay/{vendorId}/B-1?customer=someone-else", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This link is not valid", html);
        Assert.DoesNotContain("99", html);
    }

    [GeneratedRegex(@"https://termsync\.test/(pay|ask)/\S+")]
    private static partial Regex LinkPattern();
}
