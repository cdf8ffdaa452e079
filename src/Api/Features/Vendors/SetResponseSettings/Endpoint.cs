using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Vendors;

namespace TermSync.Api.Features.Vendors.SetResponseSettings;

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, ResponseSettingsBody>
{
    public override void Configure()
    {
        Put("/vendors/{vendorId}/response-settings");
        Summary(summary =>
        {
            summary.Summary = "Set a vendor's response settings";
            summary.Description = "Replaces the business hours, holidays and first-response service level that time the vendor's replies. " +
                "Times are local to the vendor's time zone. " +
                "Sending the same settings again, in any order, changes nothing.";
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

        await vendor.SetResponseSettingsAsync(request.ToBody().ToSettings());
        var stored = await vendor.GetResponseSettingsAsync();
        await Send.OkAsync(ResponseSettingsBody.From(stored), cancellationToken);
    }
}
