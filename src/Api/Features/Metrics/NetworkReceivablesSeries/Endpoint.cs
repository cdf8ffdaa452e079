using FastEndpoints;
using TermSync.Api.Features.Metrics.Series;
using TermSync.Silo.Ledger;

namespace TermSync.Api.Features.Metrics.NetworkReceivablesSeries;

public sealed class Endpoint(ReceivablesLedgerReader ledger, TimeProvider time) : Endpoint<Request, ReceivablesSeriesResponse>
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
        var range = SeriesRange.Resolve(request, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        ValidationFailures.AddRange(range.Check());
        ThrowIfAnyErrors();

        var dates = range.Dates();
        var histories = await ledger.LoadNetworkRangeAsync(dates[0], dates[^1], range.WindowDays, cancellationToken);
        var series = SeriesRunner.Compute(null, range, dates, histories);
        if (SeriesRunner.WantsCsv(request, HttpContext))
        {
            await Send.ResultAsync(SeriesRunner.CsvFile(series));
            return;
        }

        await Send.OkAsync(series, cancellationToken);
    }
}
