using FastEndpoints;
using TermSync.Api.Security;
using TermSync.Security;

namespace TermSync.Api.Features.AnalystKeys.List;

/// <summary>The analyst keys, oldest first, revoked ones included. A key's secret is never listed.</summary>
public sealed record Response(IReadOnlyList<AnalystKeyResponse> Keys);

/// <summary>One analyst key without its secret, with times in UTC.</summary>
/// <param name="LastUsedAt">Time of the latest request made with the key, or null when it was never used.</param>
/// <param name="RevokedAt">Time the key was revoked, or null while it is valid.</param>
public sealed record AnalystKeyResponse(string KeyId, string Label, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

public sealed class Endpoint(IClusterClient cluster) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/analyst-keys");
        Roles(ApiRoles.Admin);
        Summary(summary =>
        {
            summary.Summary = "List analyst keys";
            summary.Description = "Admin key only. Lists key ids with their labels and their creation, last use and revocation times, never a key's secret.";
        });
    }

    public override async Task HandleAsync(CancellationToken cancellationToken)
    {
        var keyIds = await cluster.GetGrain<IAnalystKeyDirectoryGrain>(IAnalystKeyDirectoryGrain.Key).ListAsync();
        var keys = await Task.WhenAll(keyIds.Select(keyId => cluster.GetGrainCached<IApiKeyGrain>(keyId).GetAsync()));

        // A listed id without a key is an issue request that failed after the directory listed the id.
        var listed = keys
            .Where(key => key is { Kind: ApiKeyKind.Analyst })
            .Select(key => new AnalystKeyResponse(key!.KeyId, key.Label!, key.CreatedAt, key.LastUsedAt, key.RevokedAt))
            .ToList();
        await Send.OkAsync(new Response(listed), cancellationToken);
    }
}
