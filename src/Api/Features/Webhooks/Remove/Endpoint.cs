using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Grains.Webhooks;
using TermSync.Vendors;
using TermSync.Webhooks;

namespace TermSync.Api.Features.Webhooks.Remove;

public sealed record Request(string VendorId, string EndpointId);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("/vendors/{vendorId}/webhooks/{endpointId}");
        Summary(summary =>
        {
            summary.Summary = "Remove a webhook endpoint";
            summary.Description = "Returns 204. No new deliveries start for the endpoint, and its pending deliveries stop before their next attempt. " +
                "Removing a removed endpoint returns 204 again.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsVendorId(request.VendorId) || await cluster.GetGrainCached<IVendorGrain>(request.VendorId).GetProfileAsync() is null)
        {
            await Send.ResultAsync(Problems.VendorNotFound(request.VendorId));
            return;
        }

        var removal = WebhookSecrets.IsEndpointId(request.EndpointId)
            ? await cluster.GetGrainCached<IVendorWebhooksGrain>(request.VendorId).RemoveEndpointAsync(request.EndpointId)
            : WebhookRemoval.NotFound;
        if (removal == WebhookRemoval.NotFound)
        {
            await Send.ResultAsync(WebhookProblems.EndpointNotFound(request.VendorId, request.EndpointId));
            return;
        }

        await Send.NoContentAsync(cancellationToken);
    }
}
