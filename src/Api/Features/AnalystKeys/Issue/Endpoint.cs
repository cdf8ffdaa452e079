using FastEndpoints;
using TermSync.Api.Security;
using TermSync.Security;

namespace TermSync.Api.Features.AnalystKeys.Issue;

/// <summary>A new analyst key. This response is the only place the whole key ever appears.</summary>
/// <param name="Key">The key to send as "Authorization: Bearer KEY". TermSync stores only a hash of its secret.</param>
/// <param name="CreatedAt">Time the key was issued, UTC.</param>
public sealed record Response(string KeyId, string Key, string Label, DateTimeOffset CreatedAt);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/analyst-keys");
        Roles(ApiRoles.Admin);
        Options(builder => builder.WithMetadata(SecretResponseMetadata.Instance));
        Summary(summary =>
        {
            summary.Summary = "Issue an analyst key";
            summary.Description = "Admin key only. Returns 201 with the whole key, which is shown this once. An analyst key reads the " +
                "routes under /metrics, with network-wide figures and each customer's figures across its vendors, and no route of a single vendor. " +
                "An Idempotency-Key header is ignored, because storing the response would store the key; a retry issues one more key, " +
                "and the unused one can be revoked.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var key = ApiKeyFormat.Generate(ApiKeyKind.Analyst);

        // The directory lists the key id before the key exists, so no working key is ever missing from the list.
        await cluster.GetGrain<IAnalystKeyDirectoryGrain>(IAnalystKeyDirectoryGrain.Key).AddAsync(key.KeyId);

        // NOTE: a key id is 80 random bits, so a collision with an existing key is not expected. If one happens, the
        // request fails with 500 and a retry draws a new id.
        var created = await cluster.GetGrainCached<IApiKeyGrain>(key.KeyId).CreateAnalystKeyAsync(request.Label!, key.SecretHash)
            ?? throw new InvalidOperationException($"The generated API key id {key.KeyId} is taken already.");

        await Send.ResponseAsync(new Response(created.KeyId, key.Key, created.Label!, created.CreatedAt), StatusCodes.Status201Created, cancellationToken);
    }
}
