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

    /// <summary>Business hours, holidays and service level of the vendor's replies; null until the vendor sets them, which means <see cref="ResponseSettings.Default"/>.</summary>
    [Id(2)]
    public ResponseSettings? ResponseSettings { get; set; }

    /// <summary>The URL template of the vendor's payment page, as <see cref="PaymentPageTemplate"/> describes it; null without one.</summary>
    [Id(3)]
    public string? PaymentPageTemplate { get; set; }
}
