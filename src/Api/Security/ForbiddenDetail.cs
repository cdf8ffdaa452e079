using System.Security.Claims;
using FastEndpoints;

namespace TermSync.Api.Security;

/// <summary>The detail text of a 403 response: the keys the endpoint admits, the key the request sent, and what that key may call.</summary>
internal static class ForbiddenDetail
{
    public static string Describe(HttpContext context)
    {
        var roles = context.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>()?.AllowedRoles ?? [];
        var needed = roles.Count == 0 ? "another key" : JoinAlternatives([.. roles.Select(DescribeRole)]);
        var detail = $"{context.Request.Method} {context.Request.Path} needs {needed}, but the request sent {DescribeCaller(context.User)}.";

        if (context.User.IsInRole(ApiRoles.Vendor))
        {
            return $"{detail} A vendor key may call only the routes under /vendors/{{vendorId}} of its own vendor, except issuing keys.";
        }

        if (context.User.IsInRole(ApiRoles.Analyst))
        {
            return $"{detail} An analyst key may call only the routes under /metrics.";
        }

        return detail;
    }

    private static string DescribeRole(string role) => role switch
    {
        ApiRoles.Admin => "the admin key",
        ApiRoles.Vendor => "a key of the vendor the route names",
        ApiRoles.Analyst => "an analyst key",
        _ => $"a key with the role '{role}'",
    };

    private static string DescribeCaller(ClaimsPrincipal user) =>
        user.IsInRole(ApiRoles.Vendor) ? "a vendor key"
        : user.IsInRole(ApiRoles.Analyst) ? "an analyst key"
        : user.IsInRole(ApiRoles.Admin) ? "the admin key"
        : "no key";

    /// <summary>Joins phrases as "a", "a or b", or "a, b or c".</summary>
    private static string JoinAlternatives(IReadOnlyList<string> phrases) =>
        phrases.Count == 1 ? phrases[0] : $"{string.Join(", ", phrases.Take(phrases.Count - 1))} or {phrases[^1]}";
}
