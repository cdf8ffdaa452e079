using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Vendors;

namespace TermSync.Api.Features.Vendors.SetPaymentPage;

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, PaymentPageBody>
{
    public override void Configure()
    {
        Put("/vendors/{vendorId}/payment-page");
        Summary(summary =>
        {
            summary.Summary = "Set a vendor's payment-page URL template";
            summary.Description = "Pay links send a customer to this URL with {invoiceNumber}, {amount}, {currency} and {accountNumber} filled in and " +
                "URL-encoded; the amount has the currency's minor-unit digits, such as 1250.50. A null urlTemplate removes it. " +
                "Sending the stored template again changes nothing.";
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

        await vendor.SetPaymentPageAsync(request.UrlTemplate);
        await Send.OkAsync(new PaymentPageBody(await vendor.GetPaymentPageAsync()), cancellationToken);
    }
}
