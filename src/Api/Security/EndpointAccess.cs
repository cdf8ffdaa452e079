using FastEndpoints;

namespace TermSync.Api.Security;

/// <summary>
/// Gives every endpoint its roles unless it allows anonymous requests or names its own roles. Routes under
/// /vendors/{vendorId} admit the admin key and vendor keys, and <see cref="VendorScopeMiddleware"/> keeps a vendor key
/// to its own vendor. Routes under /metrics, the network-wide and per-customer figures, admit the admin key and analyst keys. Every
/// other route admits only the admin key, so a new endpoint is closed until it opens itself.
/// </summary>
public static class EndpointAccess
{
    private const string VendorRoutePrefix = "vendors/{vendorId}";

    private const string MetricsRoutePrefix = "metrics";

    /// <summary>Applies the rules to one endpoint, as FastEndpoints' global endpoint configurator.</summary>
    public static void Configure(EndpointDefinition endpoint)
    {
        if (endpoint.AnonymousVerbs is { Length: > 0 } || endpoint.AllowedRoles is { Count: > 0 })
        {
            return;
        }

        if (endpoint.Routes.All(route => IsUnder(route, VendorRoutePrefix)))
        {
            endpoint.Roles(ApiRoles.Admin, ApiRoles.Vendor);
        }
        else if (endpoint.Routes.All(route => IsUnder(route, MetricsRoutePrefix)))
        {
            endpoint.Roles(ApiRoles.Admin, ApiRoles.Analyst);
        }
        else
        {
            endpoint.Roles(ApiRoles.Admin);
        }
    }

    /// <summary>Returns whether <paramref name="route"/> is <paramref name="prefix"/> or a route below it.</summary>
    private static bool IsUnder(string route, string prefix)
    {
        var path = route.TrimStart('/');
        return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && (path.Length == prefix.Length || path[prefix.Length] == '/');
    }
}
