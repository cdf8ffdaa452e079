using System.Security.Claims;

namespace TermSync.Api.Security;

/// <summary>
/// Claims of an authenticated request. <see cref="ClaimTypes.NameIdentifier"/> is the vendor id for a vendor key,
/// <see cref="AnalystName"/> for an analyst key and <see cref="AdminName"/> for the admin key, and
/// <see cref="ClaimTypes.Role"/> is an <see cref="ApiRoles"/> value.
/// </summary>
public static class ApiClaims
{
    /// <summary>Claim type of the key id of a vendor key or an analyst key. The admin key has no such claim.</summary>
    public const string KeyId = "key_id";

    /// <summary>The <see cref="ClaimTypes.NameIdentifier"/> of the admin key.</summary>
    public const string AdminName = "admin";

    /// <summary>The <see cref="ClaimTypes.NameIdentifier"/> of every analyst key. The <see cref="KeyId"/> claim distinguishes analyst keys.</summary>
    public const string AnalystName = "analyst";

    /// <summary>Returns the vendor id of a request authenticated with a vendor key, or null for any other request.</summary>
    public static string? GetVendorId(this ClaimsPrincipal user) =>
        user.IsInRole(ApiRoles.Vendor) ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    internal static ClaimsPrincipal Admin(string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, AdminName), new Claim(ClaimTypes.Role, ApiRoles.Admin)], scheme));

    internal static ClaimsPrincipal Vendor(string scheme, string vendorId, string keyId) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, vendorId), new Claim(ClaimTypes.Role, ApiRoles.Vendor), new Claim(KeyId, keyId)],
            scheme));

    internal static ClaimsPrincipal Analyst(string scheme, string keyId) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, AnalystName), new Claim(ClaimTypes.Role, ApiRoles.Analyst), new Claim(KeyId, keyId)],
            scheme));
}
