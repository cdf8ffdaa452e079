namespace TermSync.Security;

/// <summary>The principal an API key authenticates.</summary>
[GenerateSerializer, Alias("termsync.ApiKeyKind")]
public enum ApiKeyKind
{
    /// <summary>A key of one vendor, for the routes under /vendors/{vendorId} of that vendor.</summary>
    Vendor = 0,

    /// <summary>A key of an analyst, for the routes under /metrics.</summary>
    Analyst = 1,
}
