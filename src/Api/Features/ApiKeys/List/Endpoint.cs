using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Security;
using TermSync.Vendors;

namespace TermSync.Api.Features.ApiKeys.List;

public sealed record Request(string VendorId);

/// <summary>The vendor's keys, oldest first, revoked ones included. A key's secret is never listed.</summary>
public sealed record Response(IReadOnlyList<ApiKeyResponse> Keys);

/// <summary>One key without its secret, with times in UTC.</summary>
/// <param name="LastUsedAt">Time of the latest request made with the key, or null when it was never used.</param>
/// <param name="RevokedAt">Time the key was revoked, or null while it is valid.</param>
public sealed record ApiKeyResponse(string KeyId, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/api-keys");
        Summary(summary =>
        {
            summary.Summary = "List a vendor's API keys";
            summary.Description = "The admin key or the vendor's own key. Lists key ids with their creation, last use and revocation times, never a key's secret.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var vendor = cluster.GetGrainCached<IVendorGrain>(request.VendorId);
        if (!Identifiers.IsVendorId(request.VendorId) || await vendor.GetProfileAsync() is null)
        {
            await Send.ResultAsync(Problems.VendorNotFound(request.VendorId));
            return;
        }

        var keyIds = await vendor.GetApiKeyIdsAsync();
        var keys = await Task.WhenAll(keyIds.Select(keyId => cluster.GetGrainCached<IApiKeyGrain>(keyId).GetAsync()));

        // A listed id without a key is an issue request that failed after the vendor listed the id.
        var listed = keys
            .Where(key => key is not null && key.VendorId == request.VendorId)
            .Select(key => new ApiKeyResponse(key!.KeyId, key.CreatedAt, key.LastUsedAt, key.RevokedAt))
            .ToList();
        await Send.OkAsync(new Response(listed), cancellationToken);
    }
}
