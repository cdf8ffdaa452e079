using TermSync.Grains.Metrics;
using TermSync.Importer.Ledger;
using TermSync.Metrics;

namespace TermSync.Grains.Tests.Metrics;

/// <summary>
/// Checks the calculator against the IBM late-payment ledger, whose rows are invoices paid in full on their settled date.
/// So at any date D a row is open when it was issued on or before D and settled after D. The expected figures are
/// counted here row by row, without the calculator's code.
/// </summary>
public sealed class LedgerMetricsTests
{
    private const int WindowDays = 90;

    private static readonly Lazy<IReadOnlyList<LedgerRow>> Rows = new(() => LedgerReader.Read(LedgerFileLocator.Locate()));

    public static TheoryData<string, string> QuarterEnds => new()
    {
        { "391", "2012-03-31" }, { "391", "2012-06-30" }, { "391", "2012-09-30" }, { "391", "2012-12-31" },
        { "391", "2013-03-31" }, { "391", "2013-06-30" }, { "391", "2013-09-30" }, { "391", "2013-12-31" },
        { "818", "2013-06-30" }, { "897", "2012-12-31" },
    };

    [Theory]
    [MemberData(nameof(QuarterEnds))]
    public void Aging_and_dso_match_rows(string countryCode, string quarterEnd)
    {
        var asOf = DateOnly.ParseExact(quarterEnd, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var rows = Rows.Value.Where(row => row.CountryCode == countryCode).ToList();
        var expected = CountFromRows(rows, asOf);

        var metrics = ReceivablesCalculator.Compute(LedgerReplayPlan.Currency, rows.Select(ToHistory), asOf, WindowDays);

        Assert.True(expected.OpenCount > 0, $"Ledger {countryCode} has no open invoice at {quarterEnd}, so the check would prove nothing.");
        Assert.Equal(expected.Buckets[0], metrics.Aging.Current.Amount);
        Assert.Equal(expected.Buckets[1], metrics.Aging.Days1To30.Amount);
        Assert.Equal(expected.Buckets[2], metrics.Aging.Days31To60.Amount);
        Assert.Equal(expected.Buckets[3], metrics.Aging.Days61To90.Amount);
        Assert.Equal(expected.Buckets[4], metrics.Aging.Days91Plus.Amount);
        Assert.Equal(expected.OpenCount, metrics.Aging.OpenInvoiceCount);
        Assert.Equal(expected.Sales, metrics.Dso.CreditSales);
        Assert.Equal(expected.Dso, metrics.Dso.Dso);
        Assert.Equal(expected.BestPossibleDso, metrics.Dso.BestPossibleDso);
        Assert.Equal(expected.Countback, metrics.Dso.CountbackDso);
    }

    private static InvoiceHistory ToHistory(LedgerRow row) => new(
        LedgerReplayPlan.VendorIdFor(row.CountryCode),
        row.InvoiceNumber,
        row.CustomerId,
        LedgerReplayPlan.Currency,
        row.InvoiceDate,
        row.DueDate,
        row.InvoiceAmount,
        [new InvoiceEntry(InvoiceEntryKind.Payment, row.SettledDate, row.InvoiceAmount)],
        row.Disputed ? LedgerReplayPlan.DisputeOpenedOn(row) : null);

    private sealed record Expected(decimal[] Buckets, int OpenCount, decimal Sales, decimal? Dso, decimal? BestPossibleDso, decimal Countback);

    private static Expected CountFromRows(List<LedgerRow> rows, DateOnly asOf)
    {
        var buckets = new decimal[5];
        var openCount = 0;
        var sales = 0m;
        var windowStart = asOf.AddDays(-(WindowDays - 1));

        foreach (var row in rows)
        {
            if (row.InvoiceDate >= windowStart && row.InvoiceDate <= asOf)
            {
                sales += row.InvoiceAmount;
            }

            var open = row.InvoiceDate <= asOf && row.SettledDate > asOf;
            if (!open)
            {
                continue;
            }

            openCount++;
            var daysPastDue = (asOf.ToDateTime(TimeOnly.MinValue) - row.DueDate.ToDateTime(TimeOnly.MinValue)).Days;
            if (daysPastDue > 90)
            {
                buckets[4] += row.InvoiceAmount;
            }
            else if (daysPastDue > 60)
            {
                buckets[3] += row.InvoiceAmount;
            }
            else if (daysPastDue > 30)
            {
                buckets[2] += row.InvoiceAmount;
            }
            else if (daysPastDue > 0)
            {
                buckets[1] += row.InvoiceAmount;
            }
            else
            {
                buckets[0] += row.InvoiceAmount;
            }
        }

        var ar = buckets.Sum();
        decimal? dso = sales == 0m ? null : Math.Round(ar / sales * WindowDays, 2, MidpointRounding.AwayFromZero);
        decimal? bestPossible = sales == 0m ? null : Math.Round(buckets[0] / sales * WindowDays, 2, MidpointRounding.AwayFromZero);
        return new Expected(buckets, openCount, sales, dso, bestPossible, CountBack(rows, asOf, ar));
    }

    /// <summary>Counts back month by month, summing each month's sales straight from the rows.</summary>
    private static decimal CountBack(List<LedgerRow> rows, DateOnly asOf, decimal ar)
    {
        var remaining = ar;
        var days = 0m;
        for (var monthsBack = 0; monthsBack < 24 && remaining > 0m; monthsBack++)
        {
            var month = asOf.AddMonths(-monthsBack);
            var lastDay = monthsBack == 0 ? asOf.Day : DateTime.DaysInMonth(month.Year, month.Month);
            var monthSales = rows
                .Where(row => row.InvoiceDate.Year == month.Year && row.InvoiceDate.Month == month.Month && row.InvoiceDate.Day <= lastDay)
                .Sum(row => row.InvoiceAmount);

            if (remaining > monthSales)
            {
                days += lastDay;
                remaining -= monthSales;
            }
            else
            {
                days += remaining / monthSales * lastDay;
                remaining = 0m;
            }
        }

        return Math.Round(days, 2, MidpointRounding.AwayFromZero);
    }
}
