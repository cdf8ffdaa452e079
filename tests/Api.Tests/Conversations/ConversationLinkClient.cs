using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Tests.Conversations;

/// <summary>A browser without cookies on the link pages: it follows no redirect, so tests see each 303 and its Location.</summary>
internal sealed partial class ConversationLinkClient(ApiFixture fixture) : IDisposable
{
    private readonly HttpClient browser = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public DigestLinkSigner Signer => fixture.Factory.Services.GetRequiredService<DigestLinkSigner>();

    /// <summary>Pushes one invoice and returns the network customer it is billed to.</summary>
    public async Task<string> PushAsync(string vendorId, string invoiceNumber, string account, decimal amount)
    {
        var pushed = await (await fixture.Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice(invoiceNumber, account, amount)))).ReadJsonAsync();
        return ApiRequests.CustomerOf(pushed);
    }

    public string Token(DigestLinkPurpose purpose, string customerId, string vendorId, string documentId, DateTimeOffset? expiresAt = null) =>
        Signer.CreateToken(new DigestLinkClaims(purpose, customerId, vendorId, documentId, expiresAt ?? Signer.NewExpiry()));

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        var response = await browser.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields) =>
        browser.PostAsync(path, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);

    /// <summary>Returns the value of the hidden form field <paramref name="name"/> on a page.</summary>
    public static string HiddenValue(string html, string name)
    {
        var match = Regex.Match(html, $"<input type=\"hidden\" name=\"{name}\" value=\"(?<value>[^\"]*)\">");
        Assert.True(match.Success, $"The page has no hidden field '{name}': {html}");
        return match.Groups["value"].Value;
    }

    /// <summary>Asserts a 303 whose Location, resolved against <paramref name="from"/>, is the thread page, and returns that path.</summary>
    public static async Task<string> AssertThreadRedirectAsync(HttpResponseMessage response, string from)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"Expected 303, got {(int)response.StatusCode}: {body}");
        var location = new Uri(new Uri(new Uri("http://localhost"), from), response.Headers.Location!);
        Assert.Equal("/links/conversation", location.AbsolutePath);
        return location.PathAndQuery;
    }

    /// <summary>Returns the statement line of one invoice, from the customer statement API.</summary>
    public async Task<JsonElement> StatementLineAsync(string customerId, string invoiceNumber)
    {
        var statement = await (await fixture.Client.GetAsync($"/customers/{customerId}/statement?asOf=2013-03-01", TestContext.Current.CancellationToken)).ReadJsonAsync();
        return statement.GetProperty("vendors").EnumerateArray()
            .SelectMany(vendor => vendor.GetProperty("invoices").EnumerateArray())
            .Single(line => line.GetProperty("invoiceNumber").GetString() == invoiceNumber);
    }

    public void Dispose() => browser.Dispose();
}
