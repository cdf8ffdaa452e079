using System.Net;
using System.Net.Http.Json;

namespace TermSync.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class RoleTests(ApiFixture fixture)
{
    [Fact]
    public async Task Vendor_key_cannot_call_admin_endpoints()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var customerId = ApiRequests.NewId("c");
        await (await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("R-1", customerId, 5m)))).ReadJsonAsync();
        var requests = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Post, "/vendors", ApiRequests.Vendor(ApiRequests.NewId("v"))),
            (HttpMethod.Post, "/vendors", ApiRequests.Vendor(vendor.VendorId, "Renamed")),
            (HttpMethod.Post, $"/vendors/{vendor.VendorId}/api-keys", null),
            (HttpMethod.Get, $"/customers/{customerId}/statement", null),
            (HttpMethod.Get, $"/customers/{customerId}/digests", null),
            (HttpMethod.Get, $"/customers/{customerId}/digests/preview", null),
            (HttpMethod.Post, "/digest-cycles", new { asOf = "2013-03-01" }),
        };

        foreach (var (method, path, body) in requests)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };

            var response = await vendor.Client.SendAsync(request, TestContext.Current.CancellationToken);

            var detail = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains("needs the admin key", detail);
        }

        var profile = await (await fixture.Client.GetAsync($"/vendors/{vendor.VendorId}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal("Acme Supply", profile.GetProperty("name").GetString());
    }
}
