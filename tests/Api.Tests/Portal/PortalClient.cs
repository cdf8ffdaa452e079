using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Tests.Portal;

/// <summary>
/// A browser on the customer portal with its own cookie jar, which follows no redirect so tests see each one. It signs
/// in through the real form: it opens the sign-in page of a signed digest link, reads the antiforgery field and posts
/// the email address. Forms are posted with the antiforgery field of the page they are on.
/// </summary>
public sealed partial class PortalClient(ApiFixture fixture) : IDisposable
{
    private readonly HttpClient browser = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private DigestLinkSigner Signer => fixture.Factory.Services.GetRequiredService<DigestLinkSigner>();

    /// <summary>Returns a signed digest link token of <paramref name="customerId"/> that has not expired.</summary>
    public string Token(string customerId, DigestLinkPurpose purpose = DigestLinkPurpose.Statement) =>
        Signer.CreateToken(new DigestLinkClaims(purpose, customerId, null, null, Signer.NewExpiry()));

    /// <summary>Returns a signed pay or ask link token for one invoice of <paramref name="customerId"/>.</summary>
    public string InvoiceToken(DigestLinkPurpose purpose, string customerId, string vendorId, string invoiceNumber) =>
        Signer.CreateToken(new DigestLinkClaims(purpose, customerId, vendorId, invoiceNumber, Signer.NewExpiry()));

    /// <summary>Registers a vendor, pushes one open invoice through the API, and returns the customer and its digest mailbox.</summary>
    public async Task<(string CustomerId, string Mailbox)> CreateCustomerAsync(string vendorName = "North Supply")
    {
        var vendorId = await ApiRequests.CreateVendorAsync(fixture.Client, vendorName);
        var account = ApiRequests.NewId("acc");
        var pushed = await (await fixture.Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("P-1", account, 120m))))
            .ReadJsonAsync();
        return (ApiRequests.CustomerOf(pushed), $"ap@{account}.example");
    }

    /// <summary>Signs in as <paramref name="email"/> from a statement link and asserts the redirect to the statement page.</summary>
    public async Task SignInAsync(string customerId, string email)
    {
        var response = await PostSignInAsync(customerId, email);
        await AssertRedirectAsync(response, "/portal");
    }

    /// <summary>Opens the sign-in page of a fresh link of <paramref name="customerId"/> and posts <paramref name="email"/>.</summary>
    public async Task<HttpResponseMessage> PostSignInAsync(string customerId, string email)
    {
        var path = $"/portal/sign-in?token={Token(customerId)}";
        var (status, html) = await GetAsync(path);
        Assert.True(status == HttpStatusCode.OK, $"The sign-in page gave {(int)status}: {html}");
        return await PostFormAsync(path, html, new Dictionary<string, string> { ["Token"] = Token(customerId), ["Email"] = email });
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await browser.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public Task<HttpResponseMessage> GetResponseAsync(string path) => browser.GetAsync(path, TestContext.Current.CancellationToken);

    /// <summary>Returns the HTML of a page, asserting status 200.</summary>
    public async Task<string> GetPageAsync(string path)
    {
        var (status, html) = await GetAsync(path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path} gave {(int)status}: {html}");
        return html;
    }

    /// <summary>
    /// Opens <paramref name="page"/> and posts <paramref name="fields"/> to it, or to its handler
    /// <paramref name="handler"/>, with the page's antiforgery field.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(string page, string? handler, Dictionary<string, string> fields)
    {
        var html = await GetPageAsync(page);
        return await PostFormAsync(handler is null ? page : $"{page}?handler={handler}", html, fields);
    }

    /// <summary>Posts <paramref name="fields"/> and the antiforgery field of <paramref name="html"/> to <paramref name="path"/>.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, string html, Dictionary<string, string> fields)
    {
        var content = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(html) };
        return browser.PostAsync(path, new FormUrlEncodedContent(content), TestContext.Current.CancellationToken);
    }

    /// <summary>Asserts a redirect (302 or 303) to <paramref name="path"/>, ignoring the query.</summary>
    public static async Task AssertRedirectAsync(HttpResponseMessage response, string path)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(
            response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect to {path}, got {(int)response.StatusCode}: {body}");
        var location = new Uri(new Uri("http://localhost"), response.Headers.Location!);
        Assert.Equal(path, location.AbsolutePath);
    }

    /// <summary>Returns the value of the antiforgery field of the first form on a page.</summary>
    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, $"The page has no antiforgery field: {html}");
        return match.Groups["value"].Value;
    }

    public void Dispose() => browser.Dispose();

    [GeneratedRegex("<input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
