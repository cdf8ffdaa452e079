using FastEndpoints;
using TermSync.Vendors;

namespace TermSync.Api.Features.Metrics.NetworkVendors;

/// <summary>The registered vendors of the network, ordered by vendor id.</summary>
public sealed record Response(IReadOnlyList<NetworkVendorResponse> Vendors);

/// <summary>A registered vendor: its id and the name customers know it by.</summary>
public sealed record NetworkVendorResponse(string Id, string Name);

public sealed class Endpoint(IClusterClient cluster) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/metrics/network/vendors");
        Summary(summary =>
        {
            summary.Summary = "List the network's vendors";
            summary.Description = "The admin key or an analyst key. Lists the id and name of every registered vendor, ordered by id, " +
                "and nothing else of theirs.";
        });
    }

    public override async Task HandleAsync(CancellationToken cancellationToken)
    {
        var vendors = await cluster.GetGrain<IVendorDirectoryGrain>(IVendorDirectoryGrain.Key).ListAsync();
        await Send.OkAsync(new Response([.. vendors.Select(vendor => new NetworkVendorResponse(vendor.VendorId, vendor.Name))]), cancellationToken);
    }
}
