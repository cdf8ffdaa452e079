using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Vendors;

namespace TermSync.Api.Features.Vendors.Get;

public sealed record Request(string VendorId);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, VendorResponse>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}");
        Summary(summary => summary.Summary = "Read a vendor's profile");
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var profile = Identifiers.IsVendorId(request.VendorId)
            ? await cluster.GetGrainCached<IVendorGrain>(request.VendorId).GetProfileAsync()
            : null;

        if (profile is null)
        {
            await Send.ResultAsync(Problems.VendorNotFound(request.VendorId));
            return;
        }

        await Send.OkAsync(VendorResponse.From(request.VendorId, profile), cancellationToken);
    }
}
