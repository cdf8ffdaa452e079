using System.Security.Cryptography;
using TermSync.Security;

namespace TermSync.Grains.Tests.Security;

[Collection(ClusterCollection.Name)]
public sealed class AnalystKeyGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Analyst_key_authenticates_as_analyst()
    {
        var (key, hash) = NewKey();

        var created = await key.CreateAnalystKeyAsync("Dashboard", hash);
        var retried = await key.CreateAnalystKeyAsync("Dashboard", hash);
        var otherLabel = await key.CreateAnalystKeyAsync("Other", hash);
        var asVendorKey = await key.CreateAsync(TestData.NewId("v"), hash);

        Assert.Equal(ApiKeyKind.Analyst, created!.Kind);
        Assert.Equal("Dashboard", created.Label);
        Assert.Null(created.VendorId);
        Assert.Equal(created, retried);
        Assert.Null(otherLabel);
        Assert.Null(asVendorKey);
        Assert.Equal(new ApiKeyCheck(ApiKeyStatus.Valid, null, ApiKeyKind.Analyst), await key.AuthenticateAsync(hash));
    }

    [Fact]
    public async Task Revocations_apply_only_to_their_kind()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var (analystKey, analystHash) = NewKey();
        var (vendorKey, vendorHash) = NewKey();
        await analystKey.CreateAnalystKeyAsync("Dashboard", analystHash);
        await vendorKey.CreateAsync(vendorId, vendorHash);

        var analystKeyAsVendorKey = await analystKey.RevokeAsync(vendorId);
        var vendorKeyAsAnalystKey = await vendorKey.RevokeAnalystKeyAsync();
        var neverIssued = await Grains.GetGrain<IApiKeyGrain>(TestData.NewId("k")).RevokeAnalystKeyAsync();
        var revoked = await analystKey.RevokeAnalystKeyAsync();
        var again = await analystKey.RevokeAnalystKeyAsync();

        Assert.Null(analystKeyAsVendorKey);
        Assert.Null(vendorKeyAsAnalystKey);
        Assert.Null(neverIssued);
        Assert.NotNull(revoked!.RevokedAt);
        Assert.Equal(revoked, again);
        Assert.Equal(new ApiKeyCheck(ApiKeyStatus.Revoked, null, ApiKeyKind.Analyst), await analystKey.AuthenticateAsync(analystHash));
        Assert.Equal(new ApiKeyCheck(ApiKeyStatus.Valid, vendorId, ApiKeyKind.Vendor), await vendorKey.AuthenticateAsync(vendorHash));
    }

    [Fact]
    public async Task Directory_lists_key_ids_once()
    {
        var directory = Grains.GetGrain<IAnalystKeyDirectoryGrain>(IAnalystKeyDirectoryGrain.Key);
        var first = TestData.NewId("k");
        var second = TestData.NewId("k");

        await directory.AddAsync(first);
        await directory.AddAsync(second);
        await directory.AddAsync(first);

        var listed = (await directory.ListAsync()).Where(keyId => keyId == first || keyId == second);
        Assert.Equal([first, second], listed);
    }

    private (IApiKeyGrain Key, byte[] Hash) NewKey() =>
        (Grains.GetGrain<IApiKeyGrain>(TestData.NewId("k")), SHA256.HashData(RandomNumberGenerator.GetBytes(32)));
}
