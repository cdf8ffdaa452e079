using FastEndpoints;
using TermSync.Api.Features.Metrics.CustomerScope;
using TermSync.Api.Features.Metrics.Series;
using TermSync.Grains.Metrics;
using TermSync.Metrics;
using TermSync.Silo.Ledger;

namespace TermSync.Api.Features.Metrics.CustomerReceivablesSeries;

public sealed class Endpoint(IClusterClient cluster, ReceivablesLedgerReader ledger, TimeProvider time) : CustomerMetricsEndpoint<Request, Response>(cluster)
{
    public override void Configure()
    {
        Get("/metrics/customers/{customerId}/receivables/series");
        Summary(summary =>
        {
            summary.Summary = "Read a customer's receivables metrics across its vendors at each date of a range";
            summary.Description = CustomerDescription.AllVendors + SeriesDescription.Common +
                " In this CSV the first column is vendorId, and each date's rows for the customer as a whole, with an empty vendorId, " +
                "come before the rows of each vendor's share.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var range = SeriesRange.Resolve(request, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        ValidationFailures.AddRange(range.Check());
        ThrowIfAnyErrors();
        if (!await FindCustomerAsync(request.CustomerId))
        {
            return;
        }

        var dates = range.Dates();
        var histories = await ledger.LoadNetworkRangeAsync(request.CustomerId, dates[0], dates[^1], range.WindowDays, cancellationToken);
        var points = new List<Point>(dates.Count);
        foreach (var asOf in dates)
        {
            var atDate = histories.AsOf(asOf);
            points.Add(new Point(asOf, ReceivablesCalculator.ComputeByCurrency(atDate, asOf, range.WindowDays), VendorShare.Compute(atDate, asOf, range.WindowDays)));
        }

        if (SeriesRunner.WantsCsv(request, HttpContext))
        {
            var csv = ReceivablesCsv.WriteWithVendors(CsvRows(points));
            await Send.ResultAsync(SeriesRunner.CsvFile(csv, $"customer-{request.CustomerId}", range.From, range.To, range.Interval));
            return;
        }

        await Send.OkAsync(new Response(request.CustomerId, range.From, range.To, range.Interval, range.WindowDays, points), cancellationToken);
    }

    /// <summary>Lists, for each point, the customer's figures with no vendor id, then each vendor's figures.</summary>
    private static IEnumerable<(string? VendorId, ReceivablesMetrics Figures)> CsvRows(IReadOnlyList<Point> points)
    {
        foreach (var point in points)
        {
            foreach (var figures in point.Currencies)
            {
                yield return (null, figures);
            }

            foreach (var share in point.Vendors)
            {
                foreach (var figures in share.Currencies)
                {
                    yield return (share.VendorId, figures);
                }
            }
        }
    }
}
