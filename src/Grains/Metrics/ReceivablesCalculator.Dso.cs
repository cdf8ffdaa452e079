using TermSync.Metrics;

namespace TermSync.Grains.Metrics;

public static partial class ReceivablesCalculator
{
    /// <summary>
    /// Computes standard DSO = AR(D) / S × N, BPDSO = Current AR(D) / S × N and ADD = DSO − BPDSO, where S is the credit
    /// sales in W; all three are null when S is zero. Countback DSO never depends on W.
    /// </summary>
    private static DsoFigures ComputeDso(IReceivablesSource source, AgingTotals aging, MetricScope scope)
    {
        var totalAr = aging.TotalAr;
        var currentAr = aging.CurrentAr;
        var sales = source.SalesBetween(scope.WindowStart, scope.WindowEnd);
        var salesInvoiceCount = source.SalesInvoiceCount(scope.WindowStart, scope.WindowEnd);

        // Multiplying before dividing keeps the quotient exact to the 28 digits of decimal.
        // NOTE: credit notes and voids can make the window's credit sales negative, and the definition then gives a
        // negative DSO and BPDSO, which are returned as computed.
        decimal? dso = sales == 0m ? null : totalAr * scope.WindowDays / sales;
        decimal? bestPossibleDso = sales == 0m ? null : currentAr * scope.WindowDays / sales;
        var countback = ComputeCountback(source, scope.AsOf, totalAr);

        return new DsoFigures(
            scope,
            totalAr,
            currentAr,
            aging.OpenInvoiceCount,
            sales,
            salesInvoiceCount,
            MetricRounding.Round(dso),
            MetricRounding.Round(bestPossibleDso),
            MetricRounding.Round(dso - bestPossibleDso),
            MetricRounding.Round(countback.Days),
            countback.Periods,
            countback.SalesInvoiceCount);
    }
}
