using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Api.Security;
using TermSync.Security;
using TermSync.Vendors;

namespace TermSync.Api.Features.ApiKeys.Issue;

public sealed record Request(string VendorId);

/// <summary>A new vendor key. This response is the only place the whole key ever appears.</summary>
/// <param name="Key">The key to send as "Authorization: Bearer KEY". TermSync stores only a hash of its secret.</param>
/// <param name="CreatedAt">Time the key was issued, UTC.</param>
public sealed record Response(string KeyId, string Key, DateTimeOffset CreatedAt);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/api-keys");
        Roles(ApiRoles.Admin);
        Options(builder => builder.WithMetadata(SecretResponseMetadata.Instance));
        Summary(summary =>
        {
            summary.Summary = "Issue an API key to a vendor";
            summary.Description = "Admin key only. Returns 201 with the whole key, which is shown this once; store it in the vendor's ERP. " +
                "Each call issues one more key, so a vendor can rotate keys without downtime. An Idempotency-Key header is ignored, because " +
                "storing the response would store the key; a retry issues one more key, and the unused one can be revoked.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var vendor = cluster.GetGrainCached<IVendorGrain>(request.VendorId);
        var key = ApiKeyFormat.Generate(ApiKeyKind.Vendor);

        // The vendor lists the key id before the key exists, so no working key is ever missing from the list.
        if (!Identifiers.IsVendorId(request.VendorId) || !await vendor.AddApiKeyAsync(key.KeyId))
        {
            await Send.ResultAsync(Problems.VendorNotFound(request.VendorId));
            return;
        }

        // NOTE: a key id is 80 random bits, so a collision with an existing key is not expected. If one happens, the
        // request fails with 500 and a retry draws a new id.
        var created = await cluster.GetGrainCached<IApiKeyGrain>(key.KeyId).CreateAsync(request.VendorId, key.SecretHash)
            ?? throw new InvalidOperationException($"The generated API key id {key.KeyId} is taken already.");

        await Send.ResponseAsync(new Response(created.KeyId, key.Key, created.CreatedAt), StatusCodes.Status201Created, cancellationToken);
    }
}
