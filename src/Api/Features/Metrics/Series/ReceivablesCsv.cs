using System.Globalization;
using System.Text;
using TermSync.Metrics;
using TermSync.Money;

namespace TermSync.Api.Features.Metrics.Series;

/// <summary>
/// Writes a receivables series as CSV by RFC 4180: a header row, then one row per as-of date and currency, with CRLF
/// line ends. Numbers use the invariant culture: money with the currency's minor-unit digits, day figures and
/// percentages with two decimals, and a null figure is an empty cell.
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

    /// <summary>The header row of a series that lists vendors' shares: a vendorId column, then <see cref="Columns"/>.</summary>
    public static readonly IReadOnlyList<string> VendorColumns = ["vendorId", .. Columns];

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

    /// <summary>
    /// Writes <paramref name="rows"/> under <see cref="VendorColumns"/>, in the order given. A row without a vendor id,
    /// such as a total over all vendors, gets an empty vendorId cell.
    /// </summary>
    public static string WriteWithVendors(IEnumerable<(string? VendorId, ReceivablesMetrics Figures)> rows)
    {
        var text = new StringBuilder();
        AppendRow(text, VendorColumns);
        foreach (var (vendorId, figures) in rows)
        {
            AppendRow(text, [vendorId ?? string.Empty, .. Cells(figures)]);
        }

        return text.ToString();
    }

    private static List<string> Cells(ReceivablesMetrics figures)
    {
        var moneyFormat = "F" + Currencies.GetMinorUnitDigits(figures.Scope.Currency).ToString(CultureInfo.InvariantCulture);
        string Amount(decimal amount) => amount.ToString(moneyFormat, CultureInfo.InvariantCulture);

        var aging = figures.Aging;
        var dso = figures.Dso;
        var payment = figures.PaymentBehaviour;
        var disputes = figures.DisputeRate;
        return
        [
            figures.Scope.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            figures.Scope.Currency,
            Number(figures.Scope.WindowDays),
            Amount(aging.TotalAr),
            Amount(aging.CurrentAr),
            Amount(aging.Current.Amount),
            Amount(aging.Days1To30.Amount),
            Amount(aging.Days31To60.Amount),
            Amount(aging.Days61To90.Amount),
            Amount(aging.Days91Plus.Amount),
            Number(aging.OpenInvoiceCount),
            Amount(dso.CreditSales),
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
            Amount(figures.WriteOffs.Amount),
        ];
    }

    /// <summary>Formats a day figure or a percentage with two decimals, as the calculator rounds them. Null gives an empty cell.</summary>
    private static string Number(decimal? value) => value?.ToString("F2", CultureInfo.InvariantCulture) ?? string.Empty;

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
