namespace TermSync.Vendors;

/// <summary>A vendor of the network, keyed by its vendor id (lower-case letters, digits and '-').</summary>
[Alias("termsync.IVendorGrain")]
public interface IVendorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the vendor, or replaces its profile. Registering the same profile again changes nothing,
    /// so a retried request is safe.
    /// </summary>
    [Alias("Register")]
    Task<WriteOutcome> RegisterAsync(VendorProfile profile);

    /// <summary>Returns the profile, or null when the vendor was never registered.</summary>
    [Alias("GetProfile")]
    Task<VendorProfile?> GetProfileAsync();
}
