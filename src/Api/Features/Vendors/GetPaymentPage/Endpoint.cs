using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Vendors;

namespace TermSync.Api.Features.Vendors.GetPaymentPage;

public sealed record Request(string VendorId);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, PaymentPageBody>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/payment-page");
        Summary(summary =>
        {
            summary.Summary = "Read a vendor's payment-page URL template";
            summary.Description = "The URL to which pay links send a customer, with the invoice's placeholders unfilled; urlTemplate is null when the vendor set none.";
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

        await Send.OkAsync(new PaymentPageBody(await vendor.GetPaymentPageAsync()), cancellationToken);
    }
}
