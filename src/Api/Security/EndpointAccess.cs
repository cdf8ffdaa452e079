using FastEndpoints;

namespace TermSync.Api.Security;

/// <summary>
/// Gives every endpoint its roles unless it allows anonymous requests or names its own roles. Routes under
/// /vendors/{vendorId} admit the admin key and vendor keys, and <see cref="VendorScopeMiddleware"/> keeps a vendor key
/// to its own vendor. Every other route admits only the admin key, so a new endpoint is closed until it opens itself.
/// </summary>
public static class EndpointAccess
{
    private const string VendorRoutePrefix = "vendors/{vendorId}";

    /// <summary>Applies the rules to one endpoint, as FastEndpoints' global endpoint configurator.</summary>
    public static void Configure(EndpointDefinition endpoint)
    {
        if (endpoint.AnonymousVerbs is { Length: > 0 } || endpoint.AllowedRoles is { Count: > 0 })
        {
            return;
        }

        if (endpoint.Routes.All(IsVendorRoute))
        {
            endpoint.Roles(ApiRoles.Admin, ApiRoles.Vendor);
        }
        else
        {
            endpoint.Roles(ApiRoles.Admin);
        }
    }

    private static bool IsVendorRoute(string route)
    {
        var path = route.TrimStart('/');
        return path.StartsWith(VendorRoutePrefix, StringComparison.OrdinalIgnoreCase)
            && (path.Length == VendorRoutePrefix.Length || path[VendorRoutePrefix.Length] == '/');
    }
}
