using FastEndpoints;
using TermSync.Webhooks;

namespace TermSync.Api.Features.Webhooks.ReplayDelivery;

public sealed record Request(string VendorId, string DeliveryId);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, DeliveryResponse>
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/webhooks/deliveries/{deliveryId}/replay");
        Summary(summary =>
        {
            summary.Summary = "Send a webhook delivery again";
            summary.Description = "Sends the stored body again now, with the same event id and a fresh timestamp and signature, and returns 200 with the " +
                "delivery and the new attempt, whatever the receiver answered. Allowed in any status; a successful replay marks the delivery succeeded. " +
                "Every call sends one more request, so receivers must deduplicate by event id.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var result = Identifiers.IsVendorId(request.VendorId) && WebhookDeliveryIds.IsDeliveryId(request.DeliveryId)
            ? await cluster.GetGrainCached<IWebhookDeliveryGrain>(WebhookDeliveryIds.GrainKey(request.VendorId, request.DeliveryId)).ReplayAsync()
            : new WebhookReplayResult(WebhookReplayStatus.NotFound, null);
        switch (result.Status)
        {
            case WebhookReplayStatus.Sent:
                await Send.OkAsync(DeliveryResponse.From(result.Delivery!), cancellationToken);
                return;
            case WebhookReplayStatus.EndpointRemoved:
                await Send.ResultAsync(WebhookProblems.EndpointRemoved(request.VendorId, request.DeliveryId));
                return;
            default:
                await Send.ResultAsync(WebhookProblems.DeliveryNotFound(request.VendorId, request.DeliveryId));
                return;
        }
    }
}
