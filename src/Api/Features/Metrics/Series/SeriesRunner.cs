using System.Text;
using Microsoft.AspNetCore.Http;
using TermSync.Grains.Ledger;
using TermSync.Grains.Metrics;
using TermSync.Silo.Ledger;

namespace TermSync.Api.Features.Metrics.Series;

/// <summary>Computes a receivables series from ledger rows loaded once and turns it into CSV.</summary>
internal static class SeriesRunner
{
    /// <summary>Runs the calculator at each as-of date, on the histories built from <paramref name="ledger"/> at that date.</summary>
    public static ReceivablesSeriesResponse Compute(string? vendorId, SeriesRange range, IReadOnlyList<DateOnly> dates, LedgerHistories ledger)
    {
        var windowDays = range.WindowDays;
        var points = new List<ReceivablesSeriesPoint>(dates.Count);
        foreach (var asOf in dates)
        {
            var figures = ReceivablesCalculator.ComputeByCurrency(ledger.AsOf(asOf), asOf, windowDays);
            points.Add(new ReceivablesSeriesPoint(asOf, figures));
        }

        return new ReceivablesSeriesResponse(vendorId, range.From, range.To, range.Interval, windowDays, points);
    }

    /// <summary>Returns whether the request selects CSV, by format=csv or, without a format, by an Accept header naming text/csv.</summary>
    public static bool WantsCsv(ISeriesRequest request, HttpContext context)
    {
        if (request.Format is not null)
        {
            return IsFormat(request.Format, "csv");
        }

        return context.Request.GetTypedHeaders().Accept.Any(accept => string.Equals(accept.MediaType.Value, "text/csv", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Returns whether <paramref name="format"/> names <paramref name="expected"/>, in any letter case.</summary>
    public static bool IsFormat(string? format, string expected) => string.Equals(format, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns <paramref name="series"/> as a CSV attachment named after its scope, range and interval.</summary>
    public static IResult CsvFile(ReceivablesSeriesResponse series) =>
        CsvFile(ReceivablesCsv.Write(series), series.VendorId ?? "network", series.From, series.To, series.Interval);

    /// <summary>Returns <paramref name="csv"/> as an attachment named "receivables-<paramref name="scope"/>-FROM-TO-INTERVAL.csv".</summary>
    public static IResult CsvFile(string csv, string scope, DateOnly from, DateOnly to, string interval)
    {
        var fileName = $"receivables-{scope}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}-{interval}.csv";
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", fileName);
    }
}
