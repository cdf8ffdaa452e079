using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Api.Security;
using TermSync.Security;

namespace TermSync.Api.Features.AnalystKeys.Revoke;

public sealed record Request(string KeyId);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("/analyst-keys/{keyId}");
        Roles(ApiRoles.Admin);
        Summary(summary =>
        {
            summary.Summary = "Revoke an analyst key";
            summary.Description = "Admin key only. Returns 204; the key gets 401 from the next request on. Revoking a revoked key returns 204 again.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var revoked = ApiKeyFormat.IsKeyId(request.KeyId)
            ? await cluster.GetGrainCached<IApiKeyGrain>(request.KeyId).RevokeAnalystKeyAsync()
            : null;

        if (revoked is null)
        {
            await Send.ResultAsync(Problems.NotFound(
                "Analyst key not found.", $"No analyst key has the id '{request.KeyId}'; list the analyst keys with GET /analyst-keys."));
            return;
        }

        await Send.NoContentAsync(cancellationToken);
    }
}
