using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TermSync.Digests;
using TermSync.Grains.Digests;
using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Tests.Links;

[Collection(ApiCollection.Name)]
public sealed partial class DigestLinkTests(ApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private DigestLinkSigner Signer => fixture.Factory.Services.GetRequiredService<DigestLinkSigner>();

    [Fact]
    public async Task Pay_and_ask_links_show_invoice_now()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client, "North <script>alert(1)</script>");
        var customerId = await PushAsync(vendorId, "A/1", ApiRequests.NewId("acc"), 12.5m);
        var links = await DigestLinksAsync(customerId);
        await (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/A%2F1/payments", new { paymentReference = "p-1", amount = 2.5m, paidOn = "2013-02-10" })).ReadJsonAsync();

        using var anonymous = fixture.CreateClient(null);
        var pay = await GetPageAsync(anonymous, $"/links/pay?token={links["pay"]}", HttpStatusCode.OK);
        var ask = await GetPageAsync(anonymous, $"/links/ask?token={links["ask"]}", HttpStatusCode.OK);

        Assert.Contains("<h1>Pay invoice A/1</h1>", pay);
        Assert.Contains("<dd>10.00 USD</dd>", pay);
        Assert.Contains("<dd>Friday, February 1, 2013</dd>", pay);
        Assert.Contains($"mailto:ar@{vendorId}.example", pay);
        Assert.Contains("<h1>Ask about invoice A/1</h1>", ask);
        Assert.Contains($"mailto:ar@{vendorId}.example?subject=Question%20about%20invoice%20A%2F1", ask);
        foreach (var page in new[] { pay, ask })
        {
            Assert.Contains("North &lt;script&gt;alert(1)&lt;/script&gt;", page);
            Assert.DoesNotContain("<script>", page);
        }
    }

    [Fact]
    public async Task Statement_link_asks_for_the_email_before_showing_the_account()
    {
        var account = ApiRequests.NewId("acc");
        var north = await ApiRequests.CreateVendorAsync(Client, "North & Sons");
        var customerId = await PushAsync(north, "N-1", account, 100m);

        var links = await DigestLinksAsync(customerId);
        using var anonymous = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync($"/links/statement?token={links["statement"]}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/portal/sign-in?token={links["statement"]}", response.Headers.Location?.OriginalString);

        var signIn = await anonymous.GetStringAsync(response.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Contains("Confirm your email address", signIn);
        Assert.DoesNotContain("North", signIn);
        Assert.DoesNotContain("N-1", signIn);
        Assert.DoesNotContain("100.00", signIn);
    }

    [Fact]
    public async Task Tampered_link_is_not_valid()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var customerId = await PushAsync(vendorId, "B-1", ApiRequests.NewId("acc"), 99m);
        var links = await DigestLinksAsync(customerId);
        var token = links["pay"];
        var tampered = token[..5] + (token[5] == 'A' ? 'B' : 'A') + token[6..];

        using var anonymous = fixture.CreateClient(null);
        foreach (var path in new[] { $"/links/pay?token={tampered}", "/links/pay", "/links/pay?token=", "/links/ask?token=x.y", $"/links/statement?token={token}" })
        {
            var response = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} gave {(int)response.StatusCode}.");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("This link is not valid", html);
            Assert.DoesNotContain("99", html);
            Assert.DoesNotContain("B-1", html);
            Assert.DoesNotContain(customerId, html);
        }
    }

    [Fact]
    public async Task Expired_link_has_expired()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var customerId = await PushAsync(vendorId, "C-1", ApiRequests.NewId("acc"), 10m);
        var expiredAt = DateTimeOffset.UtcNow.AddMinutes(-1);

        using var anonymous = fixture.CreateClient(null);
        foreach (var claims in new[]
        {
            new DigestLinkClaims(DigestLinkPurpose.Pay, customerId, vendorId, "C-1", expiredAt),
            new DigestLinkClaims(DigestLinkPurpose.Ask, customerId, vendorId, "C-1", expiredAt),
            new DigestLinkClaims(DigestLinkPurpose.Statement, customerId, null, null, expiredAt),
            new DigestLinkClaims(DigestLinkPurpose.Unsubscribe, customerId, null, null, expiredAt),
        })
        {
            var path = new Uri(Signer.CreateUrl(claims)).PathAndQuery;
            var html = await GetPageAsync(anonymous, path, HttpStatusCode.Gone);
            Assert.Contains("This link has expired", html);
            Assert.DoesNotContain("10.00", html);
        }

        var oneClick = await anonymous.PostAsync(
            new Uri(Signer.CreateUrl(new DigestLinkClaims(DigestLinkPurpose.Unsubscribe, customerId, null, null, expiredAt))).PathAndQuery,
            OneClickBody(),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Gone, oneClick.StatusCode);
        Assert.NotEqual(DigestFrequency.Unsubscribed, (await ScheduleAsync(customerId)).Preferences.Frequency);
    }

    [Fact]
    public async Task Moved_invoice_link_is_not_valid()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var oldAccount = ApiRequests.NewId("acc");
        var otherAccount = ApiRequests.NewId("acc");
        var oldCustomer = await PushAsync(vendorId, "M-1", oldAccount, 42m);
        var otherCustomer = await PushAsync(vendorId, "O-1", otherAccount, 7m);
        var links = await DigestLinksAsync(oldCustomer);

        // The account's mailbox now belongs to another network customer, so its invoices move there.
        await (await Client.PutAsJsonAsync(
            $"/vendors/{vendorId}/customers/{oldAccount}",
            new { name = "Moved", email = $"ap@{otherAccount}.example" },
            TestContext.Current.CancellationToken)).ReadJsonAsync();
        var forged = Signer.CreateUrl(new DigestLinkClaims(DigestLinkPurpose.Pay, oldCustomer, vendorId, "O-1", Signer.NewExpiry()));

        using var anonymous = fixture.CreateClient(null);
        foreach (var path in new[] { $"/links/pay?token={links["pay"]}", $"/links/ask?token={links["ask"]}", new Uri(forged).PathAndQuery })
        {
            var html = await GetPageAsync(anonymous, path, HttpStatusCode.BadRequest);
            Assert.Contains("This link is not valid", html);
            Assert.DoesNotContain("42", html);
            Assert.DoesNotContain(otherCustomer, html);
            Assert.DoesNotContain("Moved", html);
        }
    }

    [Fact]
    public async Task Other_deployment_link_is_not_valid()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var customerId = await PushAsync(vendorId, "K-1", ApiRequests.NewId("acc"), 5m);
        var otherKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var other = new DigestLinkSigner(
            Options.Create(new DigestOptions { LinkSigningKey = otherKey, PublicBaseUrl = "https://termsync.test" }),
            TimeProvider.System);

        var url = other.CreateUrl(new DigestLinkClaims(DigestLinkPurpose.Pay, customerId, vendorId, "K-1", other.NewExpiry()));
        using var anonymous = fixture.CreateClient(null);
        var html = await GetPageAsync(anonymous, new Uri(url).PathAndQuery, HttpStatusCode.BadRequest);

        Assert.Contains("This link is not valid", html);
    }

    [Fact]
    public async Task Unsubscribe_page_asks_before_unsubscribing()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var customerId = await PushAsync(vendorId, "U-1", ApiRequests.NewId("acc"), 5m);
        var links = await DigestLinksAsync(customerId);

        using var anonymous = fixture.CreateClient(null);
        var page = await GetPageAsync(anonymous, $"/links/unsubscribe?token={links["unsubscribe"]}", HttpStatusCode.OK);
        var afterPage = await ScheduleAsync(customerId);
        var confirmed = await anonymous.PostAsync(
            "/links/unsubscribe",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = links["unsubscribe"] }),
            TestContext.Current.CancellationToken);
        var confirmation = await confirmed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("<form method=\"post\" action=\"unsubscribe\">", page);
        Assert.Contains($"<input type=\"hidden\" name=\"token\" value=\"{links["unsubscribe"]}\">", page);
        Assert.NotEqual(DigestFrequency.Unsubscribed, afterPage.Preferences.Frequency);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("You are unsubscribed", confirmation);
        Assert.Equal(DigestFrequency.Unsubscribed, (await ScheduleAsync(customerId)).Preferences.Frequency);
        Assert.Single(fixture.Logs.WithEventId(6202), text => text.Contains(customerId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_click_unsubscribe_posts_to_link()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var customerId = await PushAsync(vendorId, "U-2", ApiRequests.NewId("acc"), 5m);
        var preview = await PreviewAsync(customerId);
        var unsubscribeUrl = Assert.Single(LinkPattern().Matches(preview), match => match.Groups["purpose"].Value == "unsubscribe").Value;

        using var anonymous = fixture.CreateClient(null);
        var first = await anonymous.PostAsync(new Uri(unsubscribeUrl).PathAndQuery, OneClickBody(), TestContext.Current.CancellationToken);
        var again = await anonymous.PostAsync(new Uri(unsubscribeUrl).PathAndQuery, OneClickBody(), TestContext.Current.CancellationToken);
        var withoutBody = await anonymous.PostAsync(new Uri(unsubscribeUrl).PathAndQuery, null, TestContext.Current.CancellationToken);
        using var multipart = new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } };
        var asMultipart = await anonymous.PostAsync(new Uri(unsubscribeUrl).PathAndQuery, multipart, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withoutBody.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asMultipart.StatusCode);
        Assert.Equal(DigestFrequency.Unsubscribed, (await ScheduleAsync(customerId)).Preferences.Frequency);
        var token = unsubscribeUrl.Split("?token=")[1];
        Assert.DoesNotContain(fixture.Logs.Texts, text => text.Contains(token, StringComparison.Ordinal));
    }

    private async Task<string> PushAsync(string vendorId, string invoiceNumber, string account, decimal amount, string currency = "USD")
    {
        var pushed = await (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice(invoiceNumber, account, amount, currency)))).ReadJsonAsync();
        return ApiRequests.CustomerOf(pushed);
    }

    private async Task<string> PreviewAsync(string customerId)
    {
        var preview = await (await Client.GetAsync($"/customers/{customerId}/digests/preview?asOf=2013-03-01", TestContext.Current.CancellationToken)).ReadJsonAsync();
        return preview.GetProperty("text").GetString()!;
    }

    /// <summary>Returns the token of the first link of each purpose in the customer's digest preview, by purpose.</summary>
    private async Task<Dictionary<string, string>> DigestLinksAsync(string customerId)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in LinkPattern().Matches(await PreviewAsync(customerId)))
        {
            links.TryAdd(match.Groups["purpose"].Value, match.Groups["token"].Value);
        }

        Assert.Equal(["ask", "pay", "statement", "unsubscribe"], links.Keys.Order(StringComparer.Ordinal));
        return links;
    }

    private static async Task<string> GetPageAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"GET {path} gave {(int)response.StatusCode}, expected {(int)expected}: {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, $"GET {path} may be cached: Cache-Control {response.Headers.CacheControl}.");
        return html;
    }

    private Task<DigestScheduleView> ScheduleAsync(string customerId) =>
        fixture.Factory.Services.GetRequiredService<IClusterClient>().GetGrain<IDigestGrain>(customerId).GetScheduleAsync();

    /// <summary>The body an RFC 8058 one-click unsubscribe posts.</summary>
    private static FormUrlEncodedContent OneClickBody() => new(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });

    [GeneratedRegex(@"https://termsync\.test/links/(?<purpose>pay|ask|statement|unsubscribe)\?token=(?<token>[A-Za-z0-9_.-]+)")]
    private static partial Regex LinkPattern();
}
