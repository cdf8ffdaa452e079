namespace TermSync.Grains.Metrics;

/// <summary>How far back in time the receivables figures at an as-of date read.</summary>
public static class ReceivablesHorizon
{
    /// <summary>Countback DSO walks at most this many calendar months back from the as-of date, its own month included.</summary>
    public const int CountbackMonths = 24;

    /// <summary>
    /// Returns the first date any figure at <paramref name="asOf"/> reads: the earlier of the window's start and the first
    /// day of the oldest countback month. The CEI periods start later than the countback. An invoice issued before this
    /// date, closed by then and without a later entry changes no figure at <paramref name="asOf"/>.
    /// </summary>
    public static DateOnly Of(DateOnly asOf, int windowDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        var windowStart = asOf.AddDays(1 - windowDays);
        var monthStart = new DateOnly(asOf.Year, asOf.Month, 1);
        var monthsSinceMinValue = ((asOf.Year - 1) * 12) + asOf.Month - 1;
        var countbackStart = monthsSinceMinValue >= CountbackMonths - 1 ? monthStart.AddMonths(1 - CountbackMonths) : DateOnly.MinValue;
        return windowStart < countbackStart ? windowStart : countbackStart;
    }
}
