namespace TermSync.Vendors;

/// <summary>A registered vendor as the vendor directory lists it.</summary>
[GenerateSerializer, Immutable, Alias("termsync.VendorListing")]
public sealed record VendorListing(
    [property: Id(0)] string VendorId,
    [property: Id(1)] string Name);
