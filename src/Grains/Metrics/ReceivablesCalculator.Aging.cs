using TermSync.Metrics;

namespace TermSync.Grains.Metrics;

public static partial class ReceivablesCalculator
{
    /// <summary>Buckets the open amounts at D by days past due: D − due date, with 0 or less being current.</summary>
    private static AgingFigures ComputeAging(AgingTotals totals, MetricScope scope) => new(
        scope,
        new AgingBucket(totals.Amounts[0], totals.Counts[0]),
        new AgingBucket(totals.Amounts[1], totals.Counts[1]),
        new AgingBucket(totals.Amounts[2], totals.Counts[2]),
        new AgingBucket(totals.Amounts[3], totals.Counts[3]),
        new AgingBucket(totals.Amounts[4], totals.Counts[4]),
        totals.TotalAr,
        totals.CurrentAr,
        totals.OpenInvoiceCount);
}
