using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using TermSync.Api.Security;

namespace TermSync.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed partial class AnalystKeyTests(ApiFixture fixture)
{
    private const string NetworkVendorsPath = "/metrics/network/vendors";

    private HttpClient Admin => fixture.Client;

    [Fact]
    public async Task Issued_key_is_shown_once()
    {
        var label = $"BI dashboard {Guid.NewGuid():N}";

        var issued = await IssueAsync(label);
        var listing = await Admin.GetStringAsync("/analyst-keys", TestContext.Current.CancellationToken);

        Assert.Matches(KeyPattern(), issued.Key);
        Assert.StartsWith($"tsa_{issued.KeyId}_", issued.Key);
        var listed = JsonDocument.Parse(listing).RootElement.GetProperty("keys").EnumerateArray()
            .Single(key => key.GetProperty("keyId").GetString() == issued.KeyId);
        Assert.Equal(label, listed.GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.DoesNotContain(issued.Key[^43..], listing);
    }

    [Fact]
    public async Task Issuing_without_label_is_rejected()
    {
        var missing = await Admin.PostJsonAsync("/analyst-keys", new { });
        var blank = await Admin.PostJsonAsync("/analyst-keys", new { label = "  " });
        var tooLong = await Admin.PostJsonAsync("/analyst-keys", new { label = new string('x', 101) });
        var twoLines = await Admin.PostJsonAsync("/analyst-keys", new { label = "first\nsecond" });

        Assert.Equal(["label"], await HttpAssertions.AssertValidationProblemAsync(missing));
        Assert.Equal(["label"], await HttpAssertions.AssertValidationProblemAsync(blank));
        Assert.Equal(["label"], await HttpAssertions.AssertValidationProblemAsync(tooLong));
        Assert.Equal(["label"], await HttpAssertions.AssertValidationProblemAsync(twoLines));
    }

    [Fact]
    public async Task Only_admin_key_manages_analyst_keys()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var analyst = await IssueAsync("Analyst");
        using var analystClient = fixture.CreateClient(analyst.Key);
        var requests = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Post, "/analyst-keys", new { label = "Intruder" }),
            (HttpMethod.Get, "/analyst-keys", null),
            (HttpMethod.Delete, $"/analyst-keys/{analyst.KeyId}", null),
        };

        foreach (var (client, caller) in new[] { (vendor.Client, "a vendor key"), (analystClient, "an analyst key") })
        {
            foreach (var (method, path, body) in requests)
            {
                using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };

                var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

                var detail = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Forbidden);
                Assert.Contains($"needs the admin key, but the request sent {caller}.", detail);
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await analystClient.GetAsync(NetworkVendorsPath, TestContext.Current.CancellationToken)).StatusCode);
        var listing = await (await Admin.GetAsync("/analyst-keys", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.DoesNotContain(listing.GetProperty("keys").EnumerateArray(), key => key.GetProperty("label").GetString() == "Intruder");
    }

    [Fact]
    public async Task Revoked_key_gets_401_at_once()
    {
        var analyst = await IssueAsync("Revoked soon");
        using var client = fixture.CreateClient(analyst.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(NetworkVendorsPath, TestContext.Current.CancellationToken)).StatusCode);

        var revoked = await Admin.DeleteAsync($"/analyst-keys/{analyst.KeyId}", TestContext.Current.CancellationToken);
        var response = await client.GetAsync(NetworkVendorsPath, TestContext.Current.CancellationToken);
        var revokedAgain = await Admin.DeleteAsync($"/analyst-keys/{analyst.KeyId}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var detail = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains($"analyst key {analyst.KeyId} was revoked", detail);
        Assert.DoesNotContain(analyst.Key, detail);
        Assert.Equal(HttpStatusCode.NoContent, revokedAgain.StatusCode);
        var listed = await ListedKeyAsync(analyst.KeyId);
        Assert.True(listed.GetProperty("revokedAt").GetDateTimeOffset() >= listed.GetProperty("lastUsedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Vendor_and_analyst_keys_stay_apart()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var analyst = await IssueAsync("Apart");
        using var analystClient = fixture.CreateClient(analyst.Key);
        var analystKeyAsVendorKey = ApiKeyFormat.VendorPrefix + analyst.Key[ApiKeyFormat.AnalystPrefix.Length..];
        var vendorKeyAsAnalystKey = ApiKeyFormat.AnalystPrefix + vendor.Key[ApiKeyFormat.VendorPrefix.Length..];

        var vendorKeyRevokedAsAnalystKey = await Admin.DeleteAsync($"/analyst-keys/{vendor.KeyId}", TestContext.Current.CancellationToken);
        var analystKeyRevokedAsVendorKey = await vendor.Client.DeleteAsync(
            $"/vendors/{vendor.VendorId}/api-keys/{analyst.KeyId}", TestContext.Current.CancellationToken);
        var unknownKeyId = await Admin.DeleteAsync("/analyst-keys/abcdefghijklmnop", TestContext.Current.CancellationToken);
        using var asVendorKey = fixture.CreateClient(analystKeyAsVendorKey);
        using var asAnalystKey = fixture.CreateClient(vendorKeyAsAnalystKey);
        var withVendorPrefix = await asVendorKey.GetAsync($"/vendors/{vendor.VendorId}", TestContext.Current.CancellationToken);
        var withAnalystPrefix = await asAnalystKey.GetAsync(NetworkVendorsPath, TestContext.Current.CancellationToken);

        Assert.Contains($"No analyst key has the id '{vendor.KeyId}'", await HttpAssertions.AssertProblemAsync(vendorKeyRevokedAsAnalystKey, HttpStatusCode.NotFound));
        Assert.Contains($"has no API key '{analyst.KeyId}'", await HttpAssertions.AssertProblemAsync(analystKeyRevokedAsVendorKey, HttpStatusCode.NotFound));
        await HttpAssertions.AssertProblemAsync(unknownKeyId, HttpStatusCode.NotFound);
        Assert.Contains($"vendor key {analyst.KeyId} is not known", await HttpAssertions.AssertProblemAsync(withVendorPrefix, HttpStatusCode.Unauthorized));
        Assert.Contains($"analyst key {vendor.KeyId} is not known", await HttpAssertions.AssertProblemAsync(withAnalystPrefix, HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.OK, (await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analystClient.GetAsync(NetworkVendorsPath, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Malformed_analyst_key_gets_401()
    {
        using var client = fixture.CreateClient($"tsa_abcdefghijklmnop_{new string('!', 43)}");

        var response = await client.GetAsync(NetworkVendorsPath, TestContext.Current.CancellationToken);

        var detail = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("analyst key is malformed", detail);
        Assert.Contains("POST /analyst-keys", detail);
    }

    [Fact]
    public async Task Analyst_lists_network_vendors()
    {
        var first = await ApiRequests.CreateVendorAsync(Admin, "First Supply");
        var second = await ApiRequests.CreateVendorAsync(Admin, "Second Supply");
        await (await Admin.PostJsonAsync("/vendors", ApiRequests.Vendor(second, "Second Supply Renamed"))).ReadJsonAsync();
        await (await Admin.PostJsonAsync("/vendors", ApiRequests.Vendor(second, "Second Supply Renamed"))).ReadJsonAsync();
        using var analyst = fixture.CreateClient((await IssueAsync("Lister")).Key);

        var listing = await (await analyst.GetAsync(NetworkVendorsPath, TestContext.Current.CancellationToken)).ReadJsonAsync();
        var asAdmin = await (await Admin.GetAsync(NetworkVendorsPath, TestContext.Current.CancellationToken)).ReadJsonAsync();

        var vendors = listing.GetProperty("vendors").EnumerateArray().ToList();
        var ids = vendors.Select(vendor => vendor.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Single(vendors, vendor => vendor.GetProperty("id").GetString() == first && vendor.GetProperty("name").GetString() == "First Supply");
        Assert.Single(vendors, vendor => vendor.GetProperty("id").GetString() == second && vendor.GetProperty("name").GetString() == "Second Supply Renamed");
        Assert.All(vendors, vendor => Assert.Equal(["id", "name"], vendor.EnumerateObject().Select(property => property.Name)));
        Assert.Contains(asAdmin.GetProperty("vendors").EnumerateArray(), vendor => vendor.GetProperty("id").GetString() == first);
    }

    [Fact]
    public async Task Analyst_key_gets_403_outside_metrics()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var pushed = await (await vendor.Client.PostJsonAsync(
            $"/vendors/{vendor.VendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("A-1", ApiRequests.NewId("c"), 5m)))).ReadJsonAsync();
        var customerId = ApiRequests.CustomerOf(pushed);
        using var analyst = fixture.CreateClient((await IssueAsync("Outsider")).Key);
        const string VendorRoute = "needs the admin key or a key of the vendor the route names, but the request sent an analyst key.";
        const string AdminRoute = "needs the admin key, but the request sent an analyst key.";
        var requests = new (HttpMethod Method, string Path, object? Body, string Expected)[]
        {
            (HttpMethod.Get, $"/vendors/{vendor.VendorId}", null, VendorRoute),
            (HttpMethod.Get, $"/vendors/{vendor.VendorId}/invoices/A-1", null, VendorRoute),
            (HttpMethod.Get, $"/vendors/{vendor.VendorId}/metrics/response-time?asOf=2013-03-01", null, VendorRoute),
            (HttpMethod.Get, $"/vendors/{vendor.VendorId}/customers/{customerId}/metrics/receivables?asOf=2013-03-01", null, VendorRoute),
            (HttpMethod.Post, $"/vendors/{vendor.VendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("A-2", ApiRequests.NewId("c"), 5m)), VendorRoute),
            (HttpMethod.Post, $"/vendors/{vendor.VendorId}/api-keys", null, AdminRoute),
            (HttpMethod.Get, $"/customers/{customerId}/statement?asOf=2013-03-01", null, AdminRoute),
            (HttpMethod.Get, $"/customers/{customerId}/digests", null, AdminRoute),
            (HttpMethod.Post, "/vendors", ApiRequests.Vendor(ApiRequests.NewId("v")), AdminRoute),
            (HttpMethod.Post, "/digest-cycles", new { asOf = "2013-03-01" }, AdminRoute),
        };

        foreach (var (method, path, body, expected) in requests)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };

            var response = await analyst.SendAsync(request, TestContext.Current.CancellationToken);

            var detail = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains(expected, detail);
            Assert.Contains("An analyst key may call only the routes under /metrics.", detail);
        }

        var unwritten = await Admin.GetAsync($"/vendors/{vendor.VendorId}/invoices/A-2", TestContext.Current.CancellationToken);
        await HttpAssertions.AssertProblemAsync(unwritten, HttpStatusCode.NotFound);
        var keys = await (await Admin.GetAsync($"/vendors/{vendor.VendorId}/api-keys", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(1, keys.GetProperty("keys").GetArrayLength());
    }

    /// <summary>
    /// Calls every GET route under /metrics of the OpenAPI document, so a metrics route added later is checked too.
    /// Only GET routes exist there; a route of another method fails the test until the test sends it a body. A route
    /// parameter other than {customerId}, which names a customer the vendor billed, fails the test until it gets a value.
    /// </summary>
    [Fact]
    public async Task Metrics_routes_admit_only_admin_and_analysts()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var pushed = await (await vendor.Client.PostJsonAsync(
            $"/vendors/{vendor.VendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("M-1", ApiRequests.NewId("acct"), 5m)))).ReadJsonAsync();
        var customerId = ApiRequests.CustomerOf(pushed);
        using var analyst = fixture.CreateClient((await IssueAsync("Every route")).Key);
        var routes = await MetricsRoutesAsync();
        Assert.Contains($"GET {NetworkVendorsPath}", routes);
        Assert.Contains("GET /metrics/network/receivables/distribution", routes);
        Assert.Contains("GET /metrics/customers/{customerId}/receivables", routes);
        Assert.Contains("GET /metrics/customers/{customerId}/receivables/series", routes);

        foreach (var route in routes)
        {
            var path = route["GET ".Length..].Replace("{customerId}", customerId, StringComparison.Ordinal);
            Assert.True(route.StartsWith("GET ", StringComparison.Ordinal), $"{route} is not a GET route; add a request body for it to this test.");
            Assert.DoesNotContain("{", path);

            var asVendor = await vendor.Client.GetAsync(path, TestContext.Current.CancellationToken);
            var asAnalyst = await analyst.GetAsync(path, TestContext.Current.CancellationToken);
            var asAdmin = await Admin.GetAsync(path, TestContext.Current.CancellationToken);

            var detail = await HttpAssertions.AssertProblemAsync(asVendor, HttpStatusCode.Forbidden);
            Assert.Contains("needs the admin key or an analyst key, but the request sent a vendor key.", detail);
            Assert.True(asAnalyst.StatusCode == HttpStatusCode.OK, $"{route} with an analyst key returned {(int)asAnalyst.StatusCode}.");
            Assert.True(asAdmin.StatusCode == HttpStatusCode.OK, $"{route} with the admin key returned {(int)asAdmin.StatusCode}.");
        }
    }

    [Fact]
    public async Task Analyst_keys_never_reach_logs()
    {
        var analyst = await IssueAsync("Logged");
        using var client = fixture.CreateClient(analyst.Key);
        await (await client.GetAsync(NetworkVendorsPath, TestContext.Current.CancellationToken)).ReadJsonAsync();
        await HttpAssertions.AssertProblemAsync(await client.GetAsync("/analyst-keys", TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);
        using var wrongSecret = fixture.CreateClient(analyst.Key[..^4] + "AAAA");
        await HttpAssertions.AssertProblemAsync(await wrongSecret.GetAsync(NetworkVendorsPath, TestContext.Current.CancellationToken), HttpStatusCode.Unauthorized);
        await Admin.DeleteAsync($"/analyst-keys/{analyst.KeyId}", TestContext.Current.CancellationToken);
        await HttpAssertions.AssertProblemAsync(await client.GetAsync(NetworkVendorsPath, TestContext.Current.CancellationToken), HttpStatusCode.Unauthorized);

        var logs = fixture.Logs.Texts;

        Assert.Contains(fixture.Logs.WithEventId(1202), text => text.Contains(analyst.KeyId, StringComparison.Ordinal));
        Assert.Contains(fixture.Logs.WithEventId(1203), text => text.Contains(analyst.KeyId, StringComparison.Ordinal));
        Assert.Contains(fixture.Logs.WithEventId(6001), text => text.Contains(analyst.KeyId, StringComparison.Ordinal));
        Assert.Contains(fixture.Logs.WithEventId(6003), text => text.Contains(analyst.KeyId, StringComparison.Ordinal));
        Assert.Contains(fixture.Logs.WithEventId(6004), text => text.Contains(analyst.KeyId, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, text => text.Contains(analyst.Key[ApiKeyFormat.AnalystPrefix.Length..], StringComparison.Ordinal));
        Assert.DoesNotContain(logs, text => text.Contains(analyst.Key[^43..], StringComparison.Ordinal));
    }

    private async Task<IssuedKey> IssueAsync(string label)
    {
        var issued = await (await Admin.PostJsonAsync("/analyst-keys", new { label })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(label, issued.GetProperty("label").GetString());
        return new IssuedKey(issued.GetProperty("keyId").GetString()!, issued.GetProperty("key").GetString()!);
    }

    private async Task<JsonElement> ListedKeyAsync(string keyId)
    {
        var listing = await (await Admin.GetAsync("/analyst-keys", TestContext.Current.CancellationToken)).ReadJsonAsync();
        return listing.GetProperty("keys").EnumerateArray().Single(key => key.GetProperty("keyId").GetString() == keyId);
    }

    /// <summary>Returns "METHOD /path" for every operation of the OpenAPI document under /metrics.</summary>
    private async Task<List<string>> MetricsRoutesAsync()
    {
        var document = await (await Admin.GetAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken)).ReadJsonAsync();
        return
        [
            .. document.GetProperty("paths").EnumerateObject()
                .Where(path => path.Name == "/metrics" || path.Name.StartsWith("/metrics/", StringComparison.Ordinal))
                .SelectMany(path => path.Value.EnumerateObject()
                    .Where(operation => operation.Name is "get" or "post" or "put" or "patch" or "delete")
                    .Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}")),
        ];
    }

    private sealed record IssuedKey(string KeyId, string Key);

    [GeneratedRegex("^tsa_[a-z2-7]{16}_[A-Za-z0-9_-]{43}$")]
    private static partial Regex KeyPattern();
}
