using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;

namespace TermSync.Api.Tests.Portal;

/// <summary>Portal sessions end on the server: a copied cookie stops working after sign-out and after removal.</summary>
[Collection(ApiCollection.Name)]
public sealed class SessionTests(ApiFixture fixture)
{
    [Fact]
    public async Task Sign_out_ends_copied_cookie()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox) = await portal.CreateCustomerAsync();
        var cookie = SessionCookie(await portal.PostSignInAsync(customerId, mailbox));
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(cookie));

        var statement = await portal.GetPageAsync("/portal");
        var signedOut = await portal.PostFormAsync("/portal/sign-out", statement, []);

        await PortalClient.AssertRedirectAsync(signedOut, "/portal/signed-out");
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(cookie));
    }

    [Fact]
    public async Task Reinvited_clerk_needs_new_sign_in()
    {
        using var owner = new PortalClient(fixture);
        var (customerId, mailbox) = await owner.CreateCustomerAsync();
        await owner.SignInAsync(customerId, mailbox);
        await owner.PostAsync("/portal/clerks", "Invite", new Dictionary<string, string> { ["email"] = "dana@acme.example" });
        using var dana = new PortalClient(fixture);
        var danaCookie = SessionCookie(await dana.PostSignInAsync(customerId, "dana@acme.example"));

        await owner.PostAsync("/portal/clerks", "Remove", new Dictionary<string, string> { ["email"] = "dana@acme.example" });
        await owner.PostAsync("/portal/clerks", "Invite", new Dictionary<string, string> { ["email"] = "dana@acme.example" });

        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(danaCookie));
    }

    private static string SessionCookie(HttpResponseMessage signIn)
    {
        var cookies = SetCookieHeaderValue.ParseList([.. signIn.Headers.GetValues(HeaderNames.SetCookie)]);
        return cookies.Single(cookie => cookie.Name == "termsync_portal").Value.ToString();
    }

    /// <summary>Opens the statement with only <paramref name="cookie"/>, as a copy of it on another device would.</summary>
    private async Task<HttpStatusCode> StatusWithCookieAsync(string cookie)
    {
        using var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/portal");
        request.Headers.Add(HeaderNames.Cookie, $"termsync_portal={cookie}");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
