using FastEndpoints;
using TermSync.Vendors;

namespace TermSync.Api.Features.Vendors.Register;

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, VendorResponse>
{
    public override void Configure()
    {
        Post("/vendors");
        Summary(summary =>
        {
            summary.Summary = "Create or update a vendor";
            summary.Description = "Returns 201 when the vendor is new and 200 when it existed; sending the same profile again changes nothing.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var profile = new VendorProfile(request.Name!, request.ContactEmail!, request.TimeZone ?? "UTC", request.RemindBeforeDue ?? true);
        var outcome = await cluster.GetGrainCached<IVendorGrain>(request.Id).RegisterAsync(profile);

        var response = VendorResponse.From(request.Id, profile);
        if (outcome == WriteOutcome.Created)
        {
            await Send.ResponseAsync(response, StatusCodes.Status201Created, cancellationToken);
        }
        else
        {
            await Send.OkAsync(response, cancellationToken);
        }
    }
}
