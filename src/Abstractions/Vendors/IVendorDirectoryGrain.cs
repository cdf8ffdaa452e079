namespace TermSync.Vendors;

/// <summary>
/// The list of registered vendors with their names, in one grain keyed <see cref="Key"/>. Each
/// <see cref="IVendorGrain.RegisterAsync"/> updates it, and only network-wide reads call it.
/// </summary>
/// <remarks>
/// NOTE: a vendor whose latest registration is older than this directory is missing from it until it registers again.
/// </remarks>
[Alias("termsync.IVendorDirectoryGrain")]
public interface IVendorDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>The key of the only grain of this type.</summary>
    const long Key = 0;

    /// <summary>Adds the vendor or updates its name. Setting the stored name again changes nothing.</summary>
    [Alias("Set")]
    Task SetAsync(string vendorId, string name);

    /// <summary>Returns every registered vendor, ordered by vendor id.</summary>
    [Alias("List")]
    Task<IReadOnlyList<VendorListing>> ListAsync();
}
