using TermSync.Vendors;

namespace TermSync.Grains.Tests.Vendors;

[Collection(ClusterCollection.Name)]
public sealed class VendorDirectoryGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Registration_updates_directory()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var vendor = Grains.GetGrain<IVendorGrain>(vendorId);
        var directory = Grains.GetGrain<IVendorDirectoryGrain>(IVendorDirectoryGrain.Key);
        var listedFirst = await directory.ListAsync();

        var renamed = await vendor.RegisterAsync(new VendorProfile("North Renamed", $"ar@{vendorId}.example", "UTC"));
        var repeated = await vendor.RegisterAsync(new VendorProfile("North Renamed", $"ar@{vendorId}.example", "UTC"));
        var listed = await directory.ListAsync();

        Assert.Contains(new VendorListing(vendorId, "North"), listedFirst);
        Assert.Equal(WriteOutcome.Updated, renamed);
        Assert.Equal(WriteOutcome.Unchanged, repeated);
        Assert.Equal([new VendorListing(vendorId, "North Renamed")], listed.Where(entry => entry.VendorId == vendorId));
        Assert.Equal(listed.Select(entry => entry.VendorId).Order(StringComparer.Ordinal), listed.Select(entry => entry.VendorId));
    }

    [Fact]
    public async Task Unchanged_registration_restores_entry()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "South");
        var directory = Grains.GetGrain<IVendorDirectoryGrain>(IVendorDirectoryGrain.Key);
        await directory.SetAsync(vendorId, "Stale");

        var outcome = await Grains.GetGrain<IVendorGrain>(vendorId).RegisterAsync(new VendorProfile("South", $"ar@{vendorId}.example", "UTC"));

        Assert.Equal(WriteOutcome.Unchanged, outcome);
        Assert.Contains(new VendorListing(vendorId, "South"), await directory.ListAsync());
    }
}
