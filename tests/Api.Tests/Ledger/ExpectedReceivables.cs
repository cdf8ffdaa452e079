using TermSync.Importer.Ledger;

namespace TermSync.Api.Tests.Ledger;

/// <summary>
/// Receivables figures of a set of ledger rows at an as-of date D over a window W of N days, computed straight from the
/// rows by the written metric definitions, one loop per figure and independently of the product's calculator. The rows
/// are read as the replay sends them: each invoice is issued on InvoiceDate and settled by one payment of its full
/// amount on SettledDate, and a disputed invoice is queried on <see cref="LedgerReplayPlan.DisputeOpenedOn"/>.
/// Figures are exact and never rounded. A null figure is undefined at D.
/// </summary>
public sealed class ExpectedReceivables
{
    private const int CountbackMaxPeriods = 24;

    private readonly IReadOnlyList<LedgerRow> rows;
    private readonly DateOnly asOf;
    private readonly DateOnly windowStart;
    private readonly int windowDays;

    public ExpectedReceivables(IReadOnlyList<LedgerRow> rows, DateOnly asOf, int windowDays)
    {
        this.rows = rows;
        this.asOf = asOf;
        this.windowDays = windowDays;
        windowStart = asOf.AddDays(1 - windowDays);
    }

    /// <summary>Returns every figure and invoice count by its name in the API's JSON, such as "aging.days1To30.amount".</summary>
    public IReadOnlyDictionary<string, decimal?> Figures()
    {
        var current = Bucket(int.MinValue, 0);
        var days1To30 = Bucket(1, 30);
        var days31To60 = Bucket(31, 60);
        var days61To90 = Bucket(61, 90);
        var days91Plus = Bucket(91, int.MaxValue);
        var totalAr = OpenAmountAt(asOf);
        var currentAr = current.Amount;
        var (sales, salesInvoiceCount) = SalesBetween(windowStart, asOf);
        decimal? dso = sales == 0m ? null : totalAr / sales * windowDays;
        decimal? bestPossibleDso = sales == 0m ? null : currentAr / sales * windowDays;
        var (issuedCount, queriedCount) = CountIssuedAndQueried();

        return new Dictionary<string, decimal?>(StringComparer.Ordinal)
        {
            ["aging.current.amount"] = current.Amount,
            ["aging.current.invoiceCount"] = current.Count,
            ["aging.days1To30.amount"] = days1To30.Amount,
            ["aging.days1To30.invoiceCount"] = days1To30.Count,
            ["aging.days31To60.amount"] = days31To60.Amount,
            ["aging.days31To60.invoiceCount"] = days31To60.Count,
            ["aging.days61To90.amount"] = days61To90.Amount,
            ["aging.days61To90.invoiceCount"] = days61To90.Count,
            ["aging.days91Plus.amount"] = days91Plus.Amount,
            ["aging.days91Plus.invoiceCount"] = days91Plus.Count,
            ["aging.totalAr"] = totalAr,
            ["aging.currentAr"] = currentAr,
            ["aging.openInvoiceCount"] = current.Count + days1To30.Count + days31To60.Count + days61To90.Count + days91Plus.Count,
            ["dso.creditSales"] = sales,
            ["dso.salesInvoiceCount"] = salesInvoiceCount,
            ["dso.dso"] = dso,
            ["dso.bestPossibleDso"] = bestPossibleDso,
            ["dso.averageDaysDelinquent"] = dso - bestPossibleDso,
            ["dso.countbackDso"] = CountbackDso(totalAr),
            ["cei.monthly.ceiPercent"] = Cei(months: 1, totalAr, currentAr),
            ["cei.quarterly.ceiPercent"] = Cei(months: 3, totalAr, currentAr),
            ["paymentBehaviour.settledInvoiceCount"] = CountSettledInWindow(),
            ["paymentBehaviour.averageDaysLate"] = AverageDaysLate(weighted: false),
            ["paymentBehaviour.amountWeightedDaysLate"] = AverageDaysLate(weighted: true),
            ["paymentBehaviour.averageDaysToPay"] = AverageDaysToPay(),
            ["disputeRate.issuedInvoiceCount"] = issuedCount,
            ["disputeRate.queriedInvoiceCount"] = queriedCount,
            ["disputeRate.disputeRatePercent"] = issuedCount == 0 ? null : 100m * queriedCount / issuedCount,
        };
    }

    /// <summary>Returns AR at the end of <paramref name="date"/>, the sum of the invoices issued by then and settled after it.</summary>
    private decimal OpenAmountAt(DateOnly date)
    {
        var amount = 0m;
        foreach (var row in rows)
        {
            if (row.InvoiceDate <= date && row.SettledDate > date)
            {
                amount += row.InvoiceAmount;
            }
        }

        return amount;
    }

    /// <summary>Returns the open amount at D, and the count, of the invoices whose days past due (D − due date) lie in the inclusive range.</summary>
    private (decimal Amount, int Count) Bucket(int minDaysPastDue, int maxDaysPastDue)
    {
        var amount = 0m;
        var count = 0;
        foreach (var row in rows)
        {
            var daysPastDue = asOf.DayNumber - row.DueDate.DayNumber;
            if (row.InvoiceDate <= asOf && row.SettledDate > asOf && daysPastDue >= minDaysPastDue && daysPastDue <= maxDaysPastDue)
            {
                amount += row.InvoiceAmount;
                count++;
            }
        }

        return (amount, count);
    }

    /// <summary>Returns the credit sales issued from <paramref name="first"/> to <paramref name="last"/> inclusive, and the count of their invoices.</summary>
    private (decimal Amount, int Count) SalesBetween(DateOnly first, DateOnly last)
    {
        var amount = 0m;
        var count = 0;
        foreach (var row in rows)
        {
            if (row.InvoiceDate >= first && row.InvoiceDate <= last)
            {
                amount += row.InvoiceAmount;
                count++;
            }
        }

        return (amount, count);
    }

    private decimal CountbackDso(decimal totalAr)
    {
        if (totalAr == 0m)
        {
            return 0m;
        }

        var remaining = totalAr;
        var days = 0m;
        var periodStart = new DateOnly(asOf.Year, asOf.Month, 1);
        var periodEnd = asOf;
        for (var period = 0; period < CountbackMaxPeriods; period++)
        {
            var length = periodEnd.DayNumber - periodStart.DayNumber + 1;
            var (sales, _) = SalesBetween(periodStart, periodEnd);
            if (remaining > sales)
            {
                days += length;
                remaining -= sales;
            }
            else
            {
                days += remaining / sales * length;
                break;
            }

            periodEnd = periodStart.AddDays(-1);
            periodStart = periodStart.AddMonths(-1);
        }

        return days;
    }

    /// <summary>Returns (B + S / N − E) / (B + S / N − Ec) × 100 over the N calendar months ending with D's month.</summary>
    private decimal? Cei(int months, decimal totalAr, decimal currentAr)
    {
        var periodStart = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1 - months);
        var beginningAr = OpenAmountAt(periodStart.AddDays(-1));
        var (sales, _) = SalesBetween(periodStart, asOf);
        var collectible = beginningAr + (sales / months);
        var denominator = collectible - currentAr;
        return denominator == 0m ? null : (collectible - totalAr) / denominator * 100m;
    }

    private decimal? AverageDaysLate(bool weighted)
    {
        var sum = 0m;
        var weights = 0m;
        foreach (var row in rows)
        {
            if (row.SettledDate < windowStart || row.SettledDate > asOf)
            {
                continue;
            }

            var weight = weighted ? row.InvoiceAmount : 1m;
            sum += weight * Math.Max(0, row.SettledDate.DayNumber - row.DueDate.DayNumber);
            weights += weight;
        }

        return weights == 0m ? null : sum / weights;
    }

    private decimal? AverageDaysToPay()
    {
        var sum = 0m;
        var count = 0;
        foreach (var row in rows)
        {
            if (row.SettledDate >= windowStart && row.SettledDate <= asOf)
            {
                sum += row.SettledDate.DayNumber - row.InvoiceDate.DayNumber;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }

    private int CountSettledInWindow()
    {
        var count = 0;
        foreach (var row in rows)
        {
            if (row.SettledDate >= windowStart && row.SettledDate <= asOf)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Counts the invoices issued in W, and those of them whose dispute was opened on or before D.</summary>
    private (int Issued, int Queried) CountIssuedAndQueried()
    {
        var issued = 0;
        var queried = 0;
        foreach (var row in rows)
        {
            if (row.InvoiceDate < windowStart || row.InvoiceDate > asOf)
            {
                continue;
            }

            issued++;
            if (row.Disputed && LedgerReplayPlan.DisputeOpenedOn(row) <= asOf)
            {
                queried++;
            }
        }

        return (issued, queried);
    }
}
