using TermSync.Metrics;

namespace TermSync.Grains.Metrics;

public static partial class ReceivablesCalculator
{
    private static CeiFigures ComputeCei(IReceivablesSource source, AgingTotals aging, MetricScope scope) =>
        new(scope, ComputeCeiPeriod(source, aging, scope.AsOf, 1), ComputeCeiPeriod(source, aging, scope.AsOf, 3));

    /// <summary>
    /// Computes CEI = (B + S / N − E) / (B + S / N − Ec) × 100 over the <paramref name="months"/> calendar months ending
    /// with D's month, whose last month runs from the 1st to D. B is AR at the day before the period begins, S the credit
    /// sales in the period, E = AR(D) and Ec = Current AR(D). Null when the denominator is zero.
    /// </summary>
    private static CeiPeriod ComputeCeiPeriod(IReceivablesSource source, AgingTotals aging, DateOnly asOf, int months)
    {
        var periodStart = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1 - months);
        var beginningAr = source.ArAt(periodStart.AddDays(-1));
        var endingAr = aging.TotalAr;
        var endingCurrentAr = aging.CurrentAr;
        var invoiceCount = source.CeiInvoiceCount(periodStart, asOf);

        var sales = source.SalesBetween(periodStart, asOf);
        var collectible = beginningAr + sales / months;
        var denominator = collectible - endingCurrentAr;
        decimal? cei = denominator == 0m ? null : (collectible - endingAr) * 100m / denominator;

        return new CeiPeriod(months, periodStart, asOf, beginningAr, sales, endingAr, endingCurrentAr, invoiceCount, MetricRounding.Round(cei));
    }
}
