using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;
using TermSync.Api.Hosting;
using TermSync.Api.Security;
using TermSync.Grains.Digests.Links;
using TermSync.Security;

namespace TermSync.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class AuthenticationTests(ApiFixture fixture)
{
    [Fact]
    public async Task Request_without_key_gets_401()
    {
        using var anonymous = fixture.CreateClient(key: null);

        var response = await anonymous.GetAsync("/vendors/acme", TestContext.Current.CancellationToken);

        var detail = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("no Authorization header", detail);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Malformed_credentials_get_401()
    {
        var secret = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var headers = new[]
        {
            ($"Basic {secret}", "not a Bearer credential"),
            ($"Token tsk_{secret}", "not a Bearer credential"),
            ($"Bearer tsk_{secret}", "vendor key is malformed"),
            ($"Bearer tsk_abcdefghijklmnop_{secret}", "vendor key is malformed"),
            ($"Bearer tsk_ABCDEFGHIJKLMNOP_{new string('A', 43)}", "vendor key is malformed"),
            ($"Bearer tsk_abcdefghijklmnop_{new string('!', 43)}", "vendor key is malformed"),
        };

        foreach (var (header, expected) in headers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/vendors/acme");
            request.Headers.TryAddWithoutValidation("Authorization", header);

            using var client = fixture.CreateClient(key: null);
            var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

            var detail = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Contains(expected, detail);
            Assert.DoesNotContain(secret, detail);
        }
    }

    [Fact]
    public async Task Unknown_key_gets_401()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var neverIssued = ApiKeyFormat.Generate(ApiKeyKind.Vendor);
        var wrongSecret = $"{ApiKeyFormat.VendorPrefix}{vendor.KeyId}_{neverIssued.Key[^43..]}";

        foreach (var key in new[] { neverIssued.Key, wrongSecret, "not-the-admin-key" })
        {
            using var client = fixture.CreateClient(key);

            var response = await client.GetAsync($"/vendors/{vendor.VendorId}", TestContext.Current.CancellationToken);

            var detail = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.DoesNotContain(key, detail);
            Assert.Contains(key.StartsWith(ApiKeyFormat.VendorPrefix, StringComparison.Ordinal) ? "is not known" : "neither the admin key nor a vendor key", detail);
        }
    }

    [Fact]
    public async Task Revoked_key_gets_401_at_once()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}", TestContext.Current.CancellationToken)).StatusCode);

        var revoked = await vendor.Client.DeleteAsync($"/vendors/{vendor.VendorId}/api-keys/{vendor.KeyId}", TestContext.Current.CancellationToken);
        var response = await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var detail = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains($"vendor key {vendor.KeyId} was revoked", detail);
        Assert.DoesNotContain(vendor.Key, detail);
    }

    [Fact]
    public async Task Link_pages_and_OpenAPI_need_no_key()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(fixture.Client);
        var pushed = await (await fixture.Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("L-1", ApiRequests.NewId("c"), 5m)))).ReadJsonAsync();
        var customerId = ApiRequests.CustomerOf(pushed);
        using var anonymous = fixture.CreateClient(key: null);

        var signer = fixture.Factory.Services.GetRequiredService<DigestLinkSigner>();
        var link = signer.CreateUrl(new DigestLinkClaims(DigestLinkPurpose.Pay, customerId, vendorId, "L-1", signer.NewExpiry()));
        var page = await anonymous.GetAsync(new Uri(link).PathAndQuery, TestContext.Current.CancellationToken);
        var openApi = await anonymous.GetAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await openApi.ReadJsonAsync();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty(ApiKeyAuthenticationHandler.SchemeName);
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("paths").GetProperty("/vendors/{vendorId}").GetProperty("get").TryGetProperty("security", out _));
        foreach (var (path, method) in new[] { ("/links/pay", "get"), ("/links/ask", "get"), ("/links/statement", "get"), ("/links/unsubscribe", "get"), ("/links/unsubscribe", "post") })
        {
            Assert.False(document.GetProperty("paths").GetProperty(path).GetProperty(method).TryGetProperty("security", out _), $"{method} {path} asks for a key.");
        }
    }

    [Fact]
    public async Task Keys_never_reach_logs()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        await (await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        using var wrongSecret = fixture.CreateClient(vendor.Key[..^4] + "AAAA");
        await HttpAssertions.AssertProblemAsync(
            await wrongSecret.GetAsync($"/vendors/{vendor.VendorId}", TestContext.Current.CancellationToken), HttpStatusCode.Unauthorized);
        await vendor.Client.DeleteAsync($"/vendors/{vendor.VendorId}/api-keys/{vendor.KeyId}", TestContext.Current.CancellationToken);
        await HttpAssertions.AssertProblemAsync(
            await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}", TestContext.Current.CancellationToken), HttpStatusCode.Unauthorized);

        var logs = fixture.Logs.Texts;

        Assert.Contains(fixture.Logs.WithEventId(1200), text => text.Contains(vendor.KeyId, StringComparison.Ordinal));
        Assert.Contains(fixture.Logs.WithEventId(6001), text => text.Contains(vendor.KeyId, StringComparison.Ordinal));
        Assert.Contains(fixture.Logs.WithEventId(6002), text => text.Contains(vendor.KeyId, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, text => text.Contains(vendor.Key[ApiKeyFormat.VendorPrefix.Length..], StringComparison.Ordinal));
        Assert.DoesNotContain(logs, text => text.Contains(vendor.Key[^43..], StringComparison.Ordinal));
        Assert.DoesNotContain(logs, text => text.Contains(fixture.AdminKey, StringComparison.Ordinal));
    }

    /// <summary>
    /// Runs the security pipeline in a small host of its own, because a second TermSync API host would take over
    /// Serilog's static logger from the fixture's host.
    /// </summary>
    [Fact]
    public async Task Admin_key_unset_rejects_admin_requests()
    {
        var logs = new LogCapture();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Security:AdminKey"] = "";
        builder.Logging.ClearProviders().AddSerilog(new LoggerConfiguration().WriteTo.Sink(logs).CreateLogger(), dispose: true);
        builder.Services.AddSingleton(fixture.Factory.Services.GetRequiredService<IClusterClient>());
        builder.Services.AddTermSyncSecurity();
        await using var app = builder.Build();
        app.UseTermSyncSecurity();
        app.MapGet("/probe", () => "reached").RequireAuthorization();
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var vendor = await fixture.CreateVendorClientAsync();
        using var client = app.GetTestClient();

        using var asAdmin = new HttpRequestMessage(HttpMethod.Get, "/probe") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", fixture.AdminKey) } };
        using var asVendor = new HttpRequestMessage(HttpMethod.Get, "/probe") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", vendor.Key) } };
        var adminResponse = await client.SendAsync(asAdmin, TestContext.Current.CancellationToken);
        var vendorResponse = await client.SendAsync(asVendor, TestContext.Current.CancellationToken);

        var detail = await HttpAssertions.AssertProblemAsync(adminResponse, HttpStatusCode.Unauthorized);
        Assert.Contains("no admin key configured (Security:AdminKey)", detail);
        Assert.Equal(HttpStatusCode.OK, vendorResponse.StatusCode);
        Assert.Single(logs.WithEventId(6020));
    }
}
