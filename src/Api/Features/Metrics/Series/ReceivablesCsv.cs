using System.Globalization;
using System.Text;
using TermSync.Metrics;

namespace TermSync.Api.Features.Metrics.Series;

/// <summary>
/// Writes a receivables series as CSV by RFC 4180: a header row, then one row per as-of date and currency, with CRLF
/// line ends. Numbers use the invariant culture, and a null figure is an empty cell.
/// </summary>
internal static class ReceivablesCsv
{
    /// <summary>The header row. Each column is named after the field of <see cref="ReceivablesMetrics"/> it comes from.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "asOf", "currency", "windowDays", "totalAr", "currentAr",
        "current", "days1To30", "days31To60", "days61To90", "days91Plus", "openInvoiceCount",
        "creditSales", "salesInvoiceCount", "dso", "bestPossibleDso", "averageDaysDelinquent", "countbackDso",
        "ceiMonthlyPercent", "ceiQuarterlyPercent",
        "settledInvoiceCount", "averageDaysLate", "amountWeightedDaysLate", "averageDaysToPay",
        "issuedInvoiceCount", "disputeRatePercent", "invoiceAccuracyPercent",
        "writeOffInvoiceCount", "writeOffAmount",
    ];

    public static string Write(ReceivablesSeriesResponse series)
    {
        var text = new StringBuilder();
        AppendRow(text, Columns);
        foreach (var point in series.Points)
        {
            foreach (var figures in point.Currencies)
            {
                AppendRow(text, Cells(figures));
            }
        }

        return text.ToString();
    }

    private static List<string> Cells(ReceivablesMetrics figures)
    {
        var aging = figures.Aging;
        var dso = figures.Dso;
        var payment = figures.PaymentBehaviour;
        var disputes = figures.DisputeRate;
        return
        [
            figures.Scope.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            figures.Scope.Currency,
            Number(figures.Scope.WindowDays),
            Number(aging.TotalAr),
            Number(aging.CurrentAr),
            Number(aging.Current.Amount),
            Number(aging.Days1To30.Amount),
            Number(aging.Days31To60.Amount),
            Number(aging.Days61To90.Amount),
            Number(aging.Days91Plus.Amount),
            Number(aging.OpenInvoiceCount),
            Number(dso.CreditSales),
            Number(dso.SalesInvoiceCount),
            Number(dso.Dso),
            Number(dso.BestPossibleDso),
            Number(dso.AverageDaysDelinquent),
            Number(dso.CountbackDso),
            Number(figures.Cei.Monthly.CeiPercent),
            Number(figures.Cei.Quarterly.CeiPercent),
            Number(payment.SettledInvoiceCount),
            Number(payment.AverageDaysLate),
            Number(payment.AmountWeightedDaysLate),
            Number(payment.AverageDaysToPay),
            Number(disputes.IssuedInvoiceCount),
            Number(disputes.DisputeRatePercent),
            Number(disputes.InvoiceAccuracyPercent),
            Number(figures.WriteOffs.InvoiceCount),
            Number(figures.WriteOffs.Amount),
        ];
    }

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(Quote));
        text.Append("\r\n");
    }

    /// <summary>Quotes a cell that contains a comma, a double quote or a line break, doubling its double quotes.</summary>
    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
