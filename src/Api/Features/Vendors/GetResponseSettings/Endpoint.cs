using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Vendors;

namespace TermSync.Api.Features.Vendors.GetResponseSettings;

public sealed record Request(string VendorId);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, ResponseSettingsBody>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/response-settings");
        Summary(summary =>
        {
            summary.Summary = "Read a vendor's response settings";
            summary.Description = "Business hours and holidays in the vendor's time zone, and the first-response service level in business hours. " +
                "A vendor that never set them gets Monday to Friday 09:00 to 17:00, no holidays and 8 business hours.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var vendor = cluster.GetGrainCached<IVendorGrain>(request.VendorId);
        if (!Identifiers.IsVendorId(request.VendorId) || await vendor.GetProfileAsync() is null)
        {
            await Send.ResultAsync(Problems.VendorNotFound(request.VendorId));
            return;
        }

        var settings = await vendor.GetResponseSettingsAsync();
        await Send.OkAsync(ResponseSettingsBody.From(settings), cancellationToken);
    }
}
