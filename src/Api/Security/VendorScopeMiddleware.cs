using Microsoft.AspNetCore.Authorization;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Security;

/// <summary>
/// Keeps a vendor key inside its own vendor: a request with a vendor key to a route whose "vendorId" value names
/// another vendor gets the 404 of an unknown vendor, so it cannot tell another vendor's data from none. It runs
/// after authentication and before authorization, so it covers every route with a vendorId, admin-only ones too.
/// </summary>
public sealed partial class VendorScopeMiddleware(RequestDelegate next, ILogger<VendorScopeMiddleware> logger)
{
    /// <summary>The route value that names the vendor a request acts on.</summary>
    public const string VendorRouteValue = "vendorId";

    public async Task InvokeAsync(HttpContext context)
    {
        var callerVendorId = context.User.GetVendorId();
        if (callerVendorId is not null
            && context.GetRouteValue(VendorRouteValue) is string routeVendorId
            && !string.Equals(routeVendorId, callerVendorId, StringComparison.Ordinal)
            && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            LogOtherVendor(context.Request.Method, context.Request.Path, callerVendorId, context.User.FindFirst(ApiClaims.KeyId)?.Value);
            await Problems.VendorNotFound(routeVendorId).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information,
        Message = "Answered {Method} {Path} with 404: it names another vendor than {VendorId} of API key {KeyId}")]
    private partial void LogOtherVendor(string method, string path, string vendorId, string? keyId);
}
