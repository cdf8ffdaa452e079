using System.Security.Cryptography;
using TermSync.Security;
using TermSync.Vendors;

namespace TermSync.Grains.Tests.Security;

[Collection(ClusterCollection.Name)]
public sealed class ApiKeyGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Key_authenticates_only_its_secret()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var (key, hash) = NewKey();
        await key.CreateAsync(vendorId, hash);

        var valid = await key.AuthenticateAsync(hash);
        var wrong = await key.AuthenticateAsync(SHA256.HashData(RandomNumberGenerator.GetBytes(32)));
        var neverIssued = await Grains.GetGrain<IApiKeyGrain>(TestData.NewId("k")).AuthenticateAsync(hash);

        Assert.Equal(new ApiKeyCheck(ApiKeyStatus.Valid, vendorId), valid);
        Assert.Equal(ApiKeyCheck.Unknown, wrong);
        Assert.Equal(ApiKeyCheck.Unknown, neverIssued);
        Assert.NotNull((await key.GetAsync())!.LastUsedAt);
    }

    [Fact]
    public async Task Create_is_idempotent_per_secret()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var (key, hash) = NewKey();

        var created = await key.CreateAsync(vendorId, hash);
        var retried = await key.CreateAsync(vendorId, hash);
        var otherSecret = await key.CreateAsync(vendorId, SHA256.HashData(RandomNumberGenerator.GetBytes(32)));
        var otherVendor = await key.CreateAsync(TestData.NewId("v"), hash);

        Assert.NotNull(created);
        Assert.Equal(created, retried);
        Assert.Null(otherSecret);
        Assert.Null(otherVendor);
        Assert.Equal(new ApiKeyCheck(ApiKeyStatus.Valid, vendorId), await key.AuthenticateAsync(hash));
    }

    [Fact]
    public async Task Revoke_applies_only_to_owner()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var (key, hash) = NewKey();
        await key.CreateAsync(vendorId, hash);

        var byOtherVendor = await key.RevokeAsync(TestData.NewId("v"));
        var stillValid = await key.AuthenticateAsync(hash);
        var revoked = await key.RevokeAsync(vendorId);
        var again = await key.RevokeAsync(vendorId);

        Assert.Null(byOtherVendor);
        Assert.Equal(ApiKeyStatus.Valid, stillValid.Status);
        Assert.NotNull(revoked!.RevokedAt);
        Assert.Equal(revoked, again);
        Assert.Equal(new ApiKeyCheck(ApiKeyStatus.Revoked, vendorId), await key.AuthenticateAsync(hash));
    }

    [Fact]
    public async Task Vendor_lists_its_key_ids_once()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var vendor = Grains.GetGrain<IVendorGrain>(vendorId);

        Assert.True(await vendor.AddApiKeyAsync("aaaaaaaaaaaaaaaa"));
        Assert.True(await vendor.AddApiKeyAsync("bbbbbbbbbbbbbbbb"));
        Assert.True(await vendor.AddApiKeyAsync("aaaaaaaaaaaaaaaa"));
        Assert.False(await Grains.GetGrain<IVendorGrain>(TestData.NewId("v")).AddApiKeyAsync("cccccccccccccccc"));

        Assert.Equal(["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"], await vendor.GetApiKeyIdsAsync());
    }

    private (IApiKeyGrain Key, byte[] Hash) NewKey() =>
        (Grains.GetGrain<IApiKeyGrain>(TestData.NewId("k")), SHA256.HashData(RandomNumberGenerator.GetBytes(32)));
}
