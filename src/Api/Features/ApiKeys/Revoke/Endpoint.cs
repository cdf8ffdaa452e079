using FastEndpoints;
using TermSync.Api.Security;
using TermSync.Security;

namespace TermSync.Api.Features.ApiKeys.Revoke;

public sealed record Request(string VendorId, string KeyId);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("/vendors/{vendorId}/api-keys/{keyId}");
        Summary(summary =>
        {
            summary.Summary = "Revoke a vendor's API key";
            summary.Description = "The admin key or the vendor's own key. Returns 204; the key gets 401 from the next request on. " +
                "Revoking a revoked key returns 204 again.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var revoked = Identifiers.IsVendorId(request.VendorId) && ApiKeyFormat.IsKeyId(request.KeyId)
            ? await cluster.GetGrainCached<IApiKeyGrain>(request.KeyId).RevokeAsync(request.VendorId)
            : null;

        if (revoked is null)
        {
            await Send.ResultAsync(ApiKeyProblems.KeyNotFound(request.VendorId, request.KeyId));
            return;
        }

        await Send.NoContentAsync(cancellationToken);
    }
}
