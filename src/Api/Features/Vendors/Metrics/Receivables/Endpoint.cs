using FastEndpoints;
using TermSync.Api.Features.Metrics;
using TermSync.Grains.Metrics;
using TermSync.Grains.Metrics.Live;
using TermSync.Silo.Ledger;

namespace TermSync.Api.Features.Vendors.Metrics.Receivables;

public sealed class Endpoint(IClusterClient cluster, ReceivablesLedgerReader ledger, TimeProvider time) : VendorMetricsEndpoint<ReceivablesResponse>(cluster, time)
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/metrics/receivables");
        Summary(summary =>
        {
            summary.Summary = "Read a vendor's receivables metrics as of a date";
            summary.Description = "The admin key or the vendor's own key. Covers the vendor's invoices only; asOf defaults to today in the vendor's time zone. " +
                ReceivablesDescription.Common;
        });
    }

    public override async Task HandleAsync(MetricsRequest request, CancellationToken cancellationToken)
    {
        if (await ResolveAsOfAsync(request) is not { } asOf)
        {
            return;
        }

        var windowDays = request.WindowDays ?? MetricsRequest.DefaultWindowDays;
        if (request.AsOf is null && await Cluster.GetGrainCached<IVendorReceivablesGrain>(request.VendorId).GetFiguresAsync(asOf, windowDays) is { } live)
        {
            await Send.OkAsync(new ReceivablesResponse(request.VendorId, asOf, windowDays, live, ReceivablesResponse.Live), cancellationToken);
            return;
        }

        var histories = await ledger.LoadVendorAsync(request.VendorId, asOf, windowDays, cancellationToken);
        var figures = ReceivablesCalculator.ComputeByCurrency(histories, asOf, windowDays);
        await Send.OkAsync(new ReceivablesResponse(request.VendorId, asOf, windowDays, figures, ReceivablesResponse.Ledger), cancellationToken);
    }
}
