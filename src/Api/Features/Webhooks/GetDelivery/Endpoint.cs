using FastEndpoints;
using TermSync.Webhooks;

namespace TermSync.Api.Features.Webhooks.GetDelivery;

public sealed record Request(string VendorId, string DeliveryId);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, DeliveryResponse>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/webhooks/deliveries/{deliveryId}");
        Summary(summary =>
        {
            summary.Summary = "Read a webhook delivery with every attempt";
            summary.Description = "Each attempt shows when it was sent, whether it was automatic or a replay, and the receiver's status code or the error.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var delivery = Identifiers.IsVendorId(request.VendorId) && WebhookDeliveryIds.IsDeliveryId(request.DeliveryId)
            ? await cluster.GetGrainCached<IWebhookDeliveryGrain>(WebhookDeliveryIds.GrainKey(request.VendorId, request.DeliveryId)).GetAsync()
            : null;
        if (delivery is null)
        {
            await Send.ResultAsync(WebhookProblems.DeliveryNotFound(request.VendorId, request.DeliveryId));
            return;
        }

        await Send.OkAsync(DeliveryResponse.From(delivery), cancellationToken);
    }
}
