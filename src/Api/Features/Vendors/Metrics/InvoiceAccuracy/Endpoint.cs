using FastEndpoints;
using TermSync.Conversations;

namespace TermSync.Api.Features.Vendors.Metrics.InvoiceAccuracy;

public sealed class Endpoint(IClusterClient cluster, TimeProvider time) : VendorMetricsEndpoint<InvoiceAccuracyFigures>(cluster, time)
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/metrics/invoice-accuracy");
        Summary(summary =>
        {
            summary.Summary = "Read a vendor's dispute rate and invoice accuracy";
            summary.Description =
                "The window is the windowDays dates (90 by default) ending with asOf (today by default). " +
                "issuedCount counts the vendor's invoices whose issue date is in the window; void invoices are left out. " +
                "queriedCount counts those of them named by at least one question or dispute opened on or before asOf, as a date in the vendor's time zone. " +
                "A question that vendor staff recorded from a phone call counts the same as one the customer sent. " +
                "disputeRatePercent is queriedCount / issuedCount × 100 and invoiceAccuracyPercent is 100 minus it, both rounded to two decimals " +
                "and null when no invoice was issued in the window.";
        });
    }

    public override async Task HandleAsync(MetricsRequest request, CancellationToken cancellationToken)
    {
        if (await ResolveAsOfAsync(request) is not { } asOf)
        {
            return;
        }

        var figures = await Cluster.GetGrainCached<IVendorConversationFiguresGrain>(request.VendorId)
            .GetInvoiceAccuracyAsync(asOf, request.WindowDays ?? MetricsRequest.DefaultWindowDays);
        await Send.OkAsync(figures, cancellationToken);
    }
}
