using TermSync.Vendors;

namespace TermSync.Grains.Vendors;

[GenerateSerializer, Alias("termsync.VendorState")]
public sealed class VendorState
{
    [Id(0)]
    public VendorProfile? Profile { get; set; }
}
