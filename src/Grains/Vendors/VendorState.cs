using TermSync.Vendors;

namespace TermSync.Grains.Vendors;

[GenerateSerializer, Alias("termsync.VendorState")]
public sealed class VendorState
{
    [Id(0)]
    public VendorProfile? Profile { get; set; }

    /// <summary>Ids of the vendor's API keys, oldest first.</summary>
    [Id(1)]
    public List<string> ApiKeyIds { get; set; } = [];
}
