using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.ApiKeys;

internal static class ApiKeyProblems
{
    public static IResult KeyNotFound(string vendorId, string keyId) =>
        Problems.NotFound("API key not found.", $"Vendor '{vendorId}' has no API key '{keyId}'; list its keys with GET /vendors/{vendorId}/api-keys.");
}
