using FastEndpoints;
using TermSync.Api.Features.Metrics.Series;
using TermSync.Silo.Ledger;

namespace TermSync.Api.Features.Metrics.NetworkReceivablesSeries;

public sealed class Endpoint(ReceivablesLedgerReader ledger) : Endpoint<Request, ReceivablesSeriesResponse>
{
    public override void Configure()
    {
        Get("/metrics/network/receivables/series");
        Summary(summary =>
        {
            summary.Summary = "Read the network's receivables metrics at each date of a range";
            summary.Description = "The admin key or an analyst key. Covers every vendor's invoices together, per currency, and names no vendor. " +
                SeriesDescription.Common;
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var dates = SeriesDates.Between(request.From!.Value, request.To!.Value, request.Interval!);
        var histories = await ledger.LoadNetworkRangeAsync(dates[0], dates[^1], SeriesRunner.WindowDays(request), cancellationToken);
        var series = SeriesRunner.Compute(null, request, dates, histories);
        if (SeriesRunner.WantsCsv(request, HttpContext))
        {
            await Send.ResultAsync(SeriesRunner.CsvFile(series));
            return;
        }

        await Send.OkAsync(series, cancellationToken);
    }
}
