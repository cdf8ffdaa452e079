using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Vendors;
using TermSync.Webhooks;

namespace TermSync.Api.Features.Webhooks.List;

public sealed record Request(string VendorId);

/// <summary>The vendor's webhook endpoints, oldest first, without their secrets.</summary>
public sealed record Response(IReadOnlyList<EndpointResponse> Endpoints);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/webhooks");
        Summary(summary =>
        {
            summary.Summary = "List a vendor's webhook endpoints";
            summary.Description = "Lists each endpoint's id, URL, event types and creation time, never its signing secret.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsVendorId(request.VendorId) || await cluster.GetGrainCached<IVendorGrain>(request.VendorId).GetProfileAsync() is null)
        {
            await Send.ResultAsync(Problems.VendorNotFound(request.VendorId));
            return;
        }

        var endpoints = await cluster.GetGrainCached<IVendorWebhooksGrain>(request.VendorId).ListEndpointsAsync();
        await Send.OkAsync(new Response([.. endpoints.Select(EndpointResponse.From)]), cancellationToken);
    }
}
