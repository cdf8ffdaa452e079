using FastEndpoints;
using TermSync.Api.Features.Metrics.Series;
using TermSync.Api.Infrastructure;
using TermSync.Silo.Ledger;
using TermSync.Vendors;

namespace TermSync.Api.Features.Vendors.Metrics.ReceivablesSeries;

public sealed class Endpoint(IClusterClient cluster, ReceivablesLedgerReader ledger, TimeProvider time) : Endpoint<Request, ReceivablesSeriesResponse>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/metrics/receivables/series");
        Summary(summary =>
        {
            summary.Summary = "Read a vendor's receivables metrics at each date of a range";
            summary.Description = "The admin key or the vendor's own key. Covers the vendor's invoices only. " + SeriesDescription.Common;
        });
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

        var today = new MetricsRequest(request.VendorId, null, null).AsOfOrToday(profile, time);
        var range = SeriesRange.Resolve(request, today);
        ValidationFailures.AddRange(range.Check());
        ThrowIfAnyErrors();

        var dates = range.Dates();
        var histories = await ledger.LoadVendorRangeAsync(request.VendorId, dates[0], dates[^1], range.WindowDays, cancellationToken);
        var series = SeriesRunner.Compute(request.VendorId, range, dates, histories);
        if (SeriesRunner.WantsCsv(request, HttpContext))
        {
            await Send.ResultAsync(SeriesRunner.CsvFile(series));
            return;
        }

        await Send.OkAsync(series, cancellationToken);
    }
}
