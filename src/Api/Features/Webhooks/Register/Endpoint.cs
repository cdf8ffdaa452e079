using FastEndpoints;
using FluentValidation.Results;
using TermSync.Api.Infrastructure;
using TermSync.Api.Security;
using TermSync.Conversations;
using TermSync.Vendors;
using TermSync.Webhooks;

namespace TermSync.Api.Features.Webhooks.Register;

/// <summary>A new endpoint. This response is the only place its signing secret ever appears.</summary>
/// <param name="Secret">The key of the HMAC-SHA256 signature of every delivery, as UTF-8 bytes; store it with the receiver.</param>
public sealed record Response(string EndpointId, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, string Secret);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/webhooks");
        Options(builder => builder.WithMetadata(SecretResponseMetadata.Instance));
        Summary(summary =>
        {
            summary.Summary = "Register a webhook endpoint";
            summary.Description = "Returns 201 with the endpoint and its signing secret, which is shown this once. The URL must be https and reach the public " +
                $"internet; a vendor has at most {WebhookLimits.MaxEndpoints} endpoints. Registering a URL the vendor has already is 409: remove that endpoint " +
                "and register again to get a new secret. An Idempotency-Key header is ignored, because storing the response would store the secret.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (await cluster.GetGrainCached<IVendorGrain>(request.VendorId).GetProfileAsync() is null)
        {
            await Send.ResultAsync(Problems.VendorNotFound(request.VendorId));
            return;
        }

        var events = request.Events!.Select(name => VendorEventTypes.TryParse(name, out var type) ? type : default).Distinct().ToList();
        var registration = await cluster.GetGrainCached<IVendorWebhooksGrain>(request.VendorId).AddEndpointAsync(request.Url!, events);
        switch (registration.Status)
        {
            case WebhookRegistrationStatus.Created:
                var endpoint = EndpointResponse.From(registration.Endpoint!);
                var response = new Response(endpoint.EndpointId, endpoint.Url, endpoint.Events, endpoint.CreatedAt, registration.Secret!);
                await Send.ResponseAsync(response, StatusCodes.Status201Created, cancellationToken);
                return;
            case WebhookRegistrationStatus.Rejected:
                AddError(new ValidationFailure(registration.Field, registration.Error));
                await Send.ErrorsAsync(cancellation: cancellationToken);
                return;
            default:
                await Send.ResultAsync(WebhookProblems.Conflict(registration.Error!));
                return;
        }
    }
}
