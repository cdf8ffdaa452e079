using TermSync.Vendors;

namespace TermSync.Grains.Vendors;

[GenerateSerializer, Alias("termsync.VendorDirectoryState")]
public sealed class VendorDirectoryState
{
    /// <summary>Vendor names by vendor id.</summary>
    [Id(0)]
    public SortedDictionary<string, string> Names { get; set; } = new(StringComparer.Ordinal);
}

public sealed class VendorDirectoryGrain(
    [PersistentState("vendordirectory", StorageNames.Default)] IPersistentState<VendorDirectoryState> state) : Grain, IVendorDirectoryGrain
{
    public async Task SetAsync(string vendorId, string name)
    {
        if (state.State.Names.TryGetValue(vendorId, out var stored) && stored == name)
        {
            return;
        }

        state.State.Names[vendorId] = name;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<VendorListing>> ListAsync() =>
        Task.FromResult<IReadOnlyList<VendorListing>>([.. state.State.Names.Select(entry => new VendorListing(entry.Key, entry.Value))]);
}
