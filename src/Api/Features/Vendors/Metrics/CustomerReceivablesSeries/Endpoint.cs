using FastEndpoints;
using TermSync.Api.Features.Metrics.CustomerScope;
using TermSync.Api.Features.Metrics.Series;
using TermSync.Silo.Ledger;

namespace TermSync.Api.Features.Vendors.Metrics.CustomerReceivablesSeries;

public sealed class Endpoint(IClusterClient cluster, ReceivablesLedgerReader ledger, TimeProvider time) : VendorMetricsEndpoint<Request, Response>(cluster, time)
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/customers/{customerId}/metrics/receivables/series");
        Summary(summary =>
        {
            summary.Summary = "Read a vendor's receivables metrics for one customer at each date of a range";
            summary.Description = CustomerDescription.VendorShare + SeriesDescription.Common;
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (await ResolveAsOfAsync(request.VendorId, asOf: null) is not { } today)
        {
            return;
        }

        var range = SeriesRange.Resolve(request, today);
        ValidationFailures.AddRange(range.Check());
        ThrowIfAnyErrors();

        var dates = range.Dates();
        var histories = await ledger.LoadVendorRangeAsync(request.VendorId, request.CustomerId, dates[0], dates[^1], range.WindowDays, cancellationToken);
        var series = SeriesRunner.Compute(request.VendorId, range, dates, histories);
        if (SeriesRunner.WantsCsv(request, HttpContext))
        {
            await Send.ResultAsync(SeriesRunner.CsvFile(ReceivablesCsv.Write(series), $"{request.VendorId}-customer-{request.CustomerId}", range.From, range.To, range.Interval));
            return;
        }

        var response = new Response(request.VendorId, request.CustomerId, series.From, series.To, series.Interval, series.WindowDays, series.Points);
        await Send.OkAsync(response, cancellationToken);
    }
}
