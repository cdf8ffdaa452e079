using TermSync.Metrics;

namespace TermSync.Grains.Metrics;

public static partial class ReceivablesCalculator
{
    /// <summary>Buckets the open amounts at D by days past due: D − due date, with 0 or less being current.</summary>
    private static AgingFigures ComputeAging(ReceivablesLedger ledger, MetricScope scope)
    {
        var amounts = new decimal[5];
        var counts = new int[5];
        foreach (var invoice in ledger.Invoices)
        {
            var open = invoice.OpenAmountAt(scope.AsOf);
            if (open == 0m)
            {
                continue;
            }

            var bucket = BucketOf(scope.AsOf.DayNumber - invoice.History.DueDate.DayNumber);
            amounts[bucket] += open;
            counts[bucket]++;
        }

        return new AgingFigures(
            scope,
            new AgingBucket(amounts[0], counts[0]),
            new AgingBucket(amounts[1], counts[1]),
            new AgingBucket(amounts[2], counts[2]),
            new AgingBucket(amounts[3], counts[3]),
            new AgingBucket(amounts[4], counts[4]),
            amounts.Sum(),
            amounts[0],
            counts.Sum());
    }

    /// <summary>Returns the bucket index: 0 current, 1 for 1-30, 2 for 31-60, 3 for 61-90 and 4 for 91 days or more.</summary>
    private static int BucketOf(int daysPastDue) => daysPastDue switch
    {
        <= 0 => 0,
        <= 30 => 1,
        <= 60 => 2,
        <= 90 => 3,
        _ => 4,
    };
}
