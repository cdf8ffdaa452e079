using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Vendors;
using TermSync.Webhooks;

namespace TermSync.Api.Features.Webhooks.ListDeliveries;

public sealed record Request(string VendorId);

/// <summary>The vendor's most recent webhook deliveries, newest first.</summary>
public sealed record Response(IReadOnlyList<DeliverySummaryResponse> Deliveries);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/webhooks/deliveries");
        Summary(summary =>
        {
            summary.Summary = "List a vendor's recent webhook deliveries";
            summary.Description = $"Lists the latest {WebhookLimits.MaxListedDeliveries} deliveries, newest first, each with its status, attempt count and " +
                "next attempt time. Read one delivery for its attempts.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsVendorId(request.VendorId) || await cluster.GetGrainCached<IVendorGrain>(request.VendorId).GetProfileAsync() is null)
        {
            await Send.ResultAsync(Problems.VendorNotFound(request.VendorId));
            return;
        }

        var deliveries = await cluster.GetGrainCached<IVendorWebhooksGrain>(request.VendorId).ListDeliveriesAsync();
        await Send.OkAsync(new Response([.. deliveries.Select(DeliverySummaryResponse.From)]), cancellationToken);
    }
}
