namespace TermSync.Api.Security;

/// <summary>
/// Values of the <see cref="System.Security.Claims.ClaimTypes.Role"/> claim of an authenticated request.
/// </summary>
public static class ApiRoles
{
    /// <summary>The admin key from "Security:AdminKey": every endpoint, every vendor.</summary>
    public const string Admin = "admin";

    /// <summary>A vendor API key: the routes under /vendors/{vendorId} of its own vendor.</summary>
    public const string Vendor = "vendor";

    /// <summary>An analyst API key: the network-wide routes under /metrics, and nothing of a single vendor or customer.</summary>
    public const string Analyst = "analyst";
}
