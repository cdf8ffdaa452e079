using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace TermSync.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed partial class ApiKeyTests(ApiFixture fixture)
{
    private HttpClient Admin => fixture.Client;

    [Fact]
    public async Task Issued_key_is_shown_once()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Admin);

        var first = await IssueAsync(vendorId);
        var second = await IssueAsync(vendorId);
        var listing = await Admin.GetStringAsync($"/vendors/{vendorId}/api-keys", TestContext.Current.CancellationToken);

        var firstKey = first.GetProperty("key").GetString()!;
        var firstKeyId = first.GetProperty("keyId").GetString()!;
        Assert.Matches(KeyPattern(), firstKey);
        Assert.StartsWith($"tsk_{firstKeyId}_", firstKey);
        Assert.NotEqual(firstKeyId, second.GetProperty("keyId").GetString());
        var keys = JsonDocument.Parse(listing).RootElement.GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal([firstKeyId, second.GetProperty("keyId").GetString()], keys.Select(key => key.GetProperty("keyId").GetString()));
        Assert.All(keys, key => Assert.False(key.TryGetProperty("key", out _)));
        Assert.DoesNotContain(firstKey[^43..], listing);
        Assert.DoesNotContain(second.GetProperty("key").GetString()![^43..], listing);
    }

    [Fact]
    public async Task Issuing_ignores_idempotency_key()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Admin);
        var idempotencyKey = Guid.NewGuid().ToString();

        var first = await IssueAsync(vendorId, idempotencyKey);
        var second = await IssueAsync(vendorId, idempotencyKey);

        Assert.NotEqual(first.GetProperty("keyId").GetString(), second.GetProperty("keyId").GetString());
        await using var command = fixture.Factory.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("SELECT count(*) FROM idempotency_request WHERE idempotency_key = $1");
        command.Parameters.AddWithValue(idempotencyKey);
        Assert.Equal(0L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        var document = await (await Admin.GetAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var issue = document.GetProperty("paths").GetProperty("/vendors/{vendorId}/api-keys").GetProperty("post");
        Assert.DoesNotContain(
            issue.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : [],
            parameter => parameter.GetProperty("name").GetString() == "Idempotency-Key");
    }

    [Fact]
    public async Task Key_use_is_recorded()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var unused = await ListedKeyAsync(vendor);

        await (await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var used = await ListedKeyAsync(vendor);

        Assert.Equal(JsonValueKind.Null, unused.GetProperty("lastUsedAt").ValueKind);
        Assert.True(used.GetProperty("lastUsedAt").GetDateTimeOffset() >= used.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, used.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task Revoking_is_idempotent()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var path = $"/vendors/{vendor.VendorId}/api-keys/{vendor.KeyId}";

        var first = await Admin.DeleteAsync(path, TestContext.Current.CancellationToken);
        var revokedAt = (await ListedKeyAsync(vendor)).GetProperty("revokedAt").GetDateTimeOffset();
        var second = await Admin.DeleteAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(revokedAt, (await ListedKeyAsync(vendor)).GetProperty("revokedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Vendor_rotates_its_own_keys()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var newer = await IssueAsync(vendor.VendorId);
        using var newerClient = fixture.CreateClient(newer.GetProperty("key").GetString());

        var revoked = await newerClient.DeleteAsync($"/vendors/{vendor.VendorId}/api-keys/{vendor.KeyId}", TestContext.Current.CancellationToken);
        var listing = await (await newerClient.GetAsync($"/vendors/{vendor.VendorId}/api-keys", TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(2, listing.GetProperty("keys").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_keys_and_vendors_return_not_found()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        using var other = await fixture.CreateVendorClientAsync();

        var unknownKey = await Admin.DeleteAsync($"/vendors/{vendor.VendorId}/api-keys/abcdefghijklmnop", TestContext.Current.CancellationToken);
        var otherVendorsKey = await vendor.Client.DeleteAsync($"/vendors/{vendor.VendorId}/api-keys/{other.KeyId}", TestContext.Current.CancellationToken);
        var invalidKeyId = await Admin.DeleteAsync($"/vendors/{vendor.VendorId}/api-keys/not-a-key", TestContext.Current.CancellationToken);
        var unknownVendor = await Admin.PostAsync($"/vendors/{ApiRequests.NewId("v")}/api-keys", null, TestContext.Current.CancellationToken);
        var unknownVendorList = await Admin.GetAsync($"/vendors/{ApiRequests.NewId("v")}/api-keys", TestContext.Current.CancellationToken);

        Assert.Contains("has no API key 'abcdefghijklmnop'", await HttpAssertions.AssertProblemAsync(unknownKey, HttpStatusCode.NotFound));
        Assert.Contains($"has no API key '{other.KeyId}'", await HttpAssertions.AssertProblemAsync(otherVendorsKey, HttpStatusCode.NotFound));
        await HttpAssertions.AssertProblemAsync(invalidKeyId, HttpStatusCode.NotFound);
        Assert.Contains("No vendor", await HttpAssertions.AssertProblemAsync(unknownVendor, HttpStatusCode.NotFound));
        Assert.Contains("No vendor", await HttpAssertions.AssertProblemAsync(unknownVendorList, HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync($"/vendors/{other.VendorId}", TestContext.Current.CancellationToken)).StatusCode);
    }

    private async Task<JsonElement> IssueAsync(string vendorId, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/vendors/{vendorId}/api-keys");
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await Admin.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.False(response.Headers.Contains("Idempotency-Replayed"));
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    private async Task<JsonElement> ListedKeyAsync(VendorClient vendor)
    {
        var listing = await (await Admin.GetAsync($"/vendors/{vendor.VendorId}/api-keys", TestContext.Current.CancellationToken)).ReadJsonAsync();
        return listing.GetProperty("keys").EnumerateArray().Single(key => key.GetProperty("keyId").GetString() == vendor.KeyId);
    }

    [GeneratedRegex("^tsk_[a-z2-7]{16}_[A-Za-z0-9_-]{43}$")]
    private static partial Regex KeyPattern();
}
