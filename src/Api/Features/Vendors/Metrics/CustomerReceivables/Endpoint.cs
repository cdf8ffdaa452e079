using FastEndpoints;
using TermSync.Api.Features.Metrics;
using TermSync.Api.Features.Metrics.CustomerScope;
using TermSync.Grains.Metrics;
using TermSync.Silo.Ledger;

namespace TermSync.Api.Features.Vendors.Metrics.CustomerReceivables;

public sealed class Endpoint(IClusterClient cluster, ReceivablesLedgerReader ledger, TimeProvider time) : VendorMetricsEndpoint<Request, Response>(cluster, time)
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/customers/{customerId}/metrics/receivables");
        Summary(summary =>
        {
            summary.Summary = "Read a vendor's receivables metrics for one customer as of a date";
            summary.Description = CustomerDescription.VendorShare + "asOf defaults to today in the vendor's time zone. " + ReceivablesDescription.Common;
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (await ResolveAsOfAsync(request.VendorId, request.AsOf) is not { } asOf)
        {
            return;
        }

        var windowDays = request.WindowDays ?? MetricsRequest.DefaultWindowDays;
        var histories = await ledger.LoadVendorAsync(request.VendorId, request.CustomerId, asOf, windowDays, cancellationToken);
        var figures = ReceivablesCalculator.ComputeByCurrency(histories, asOf, windowDays);
        await Send.OkAsync(new Response(request.VendorId, request.CustomerId, asOf, windowDays, figures), cancellationToken);
    }
}
