namespace TermSync.Grains.Metrics;

public sealed partial class CurrencyRunningTotals
{
    /// <summary>
    /// A <see cref="DatedSumIndex{T}"/> over each map of the totals, built from them as they were at one moment. Every
    /// change to the totals drops it, so it is never read stale.
    /// </summary>
    private sealed class ReadIndex(CurrencyRunningTotals totals)
    {
        public DatedSumIndex<decimal> ArChanges { get; } = new(totals._arChanges, static (a, b) => a + b);

        public DatedSumIndex<AmountCount> OpenByDueDate { get; } = new(totals._openByDueDate, static (a, b) => a.Add(b, +1));

        public DatedSumIndex<decimal> Sales { get; } = new(totals._sales, static (a, b) => a + b);

        public DatedSumIndex<int> LastSaleDates { get; } = new(totals._lastSaleDates, static (a, b) => a + b);

        public DatedSumIndex<int> ClosedCeiChanges { get; } = new(totals._closedCeiChanges, static (a, b) => a + b);

        public DatedSumIndex<SettlementTotals> Settlements { get; } = new(totals._settlements, static (a, b) => a.Add(b, +1));

        public DatedSumIndex<IssuedCount> Issued { get; } = new(totals._issued, static (a, b) => a.Add(b, +1));

        public DatedSumIndex<AmountCount> WriteOffs { get; } = new(totals._writeOffs, static (a, b) => a.Add(b, +1));

        public DatedSumIndex<int> LatestDates { get; } = new(totals._latestDates, static (a, b) => a + b);
    }
}
