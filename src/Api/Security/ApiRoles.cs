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

    /// <summary>An analyst API key: the routes under /metrics, with network-wide figures and each customer's figures across its vendors, and no route of a single vendor.</summary>
    public const string Analyst = "analyst";
}
