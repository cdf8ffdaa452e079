using TermSync.Metrics;

namespace TermSync.Grains.Metrics;

public static partial class ReceivablesCalculator
{
    private static CeiFigures ComputeCei(ReceivablesLedger ledger, MetricScope scope) =>
        new(scope, ComputeCeiPeriod(ledger, scope.AsOf, 1), ComputeCeiPeriod(ledger, scope.AsOf, 3));

    /// <summary>
    /// Computes CEI = (B + S / N − E) / (B + S / N − Ec) × 100 over the <paramref name="months"/> calendar months ending
    /// with D's month, whose last month runs from the 1st to D. B is AR at the day before the period begins, S the credit
    /// sales in the period, E = AR(D) and Ec = Current AR(D). Null when the denominator is zero.
    /// </summary>
    private static CeiPeriod ComputeCeiPeriod(ReceivablesLedger ledger, DateOnly asOf, int months)
    {
        var periodStart = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1 - months);
        var dayBefore = periodStart.AddDays(-1);

        var beginningAr = 0m;
        var endingAr = 0m;
        var endingCurrentAr = 0m;
        var invoiceCount = 0;
        foreach (var invoice in ledger.Invoices)
        {
            var openBefore = invoice.OpenAmountAt(dayBefore);
            var openAtEnd = invoice.OpenAmountAt(asOf);
            beginningAr += openBefore;
            endingAr += openAtEnd;
            endingCurrentAr += invoice.History.DueDate >= asOf ? openAtEnd : 0m;

            if (openBefore > 0m || openAtEnd > 0m || invoice.HasSalesBetween(periodStart, asOf))
            {
                invoiceCount++;
            }
        }

        var (sales, _) = ledger.SalesBetween(periodStart, asOf);
        var collectible = beginningAr + sales / months;
        var denominator = collectible - endingCurrentAr;
        decimal? cei = denominator == 0m ? null : (collectible - endingAr) * 100m / denominator;

        return new CeiPeriod(months, periodStart, asOf, beginningAr, sales, endingAr, endingCurrentAr, invoiceCount, MetricRounding.Round(cei));
    }
}
