using TermSync.Conversations;

namespace TermSync.Grains.Conversations;

/// <summary>Computes <see cref="DurationStatistics"/> with the percentile rules that type documents.</summary>
internal static class DurationStatisticsCalculator
{
    public static DurationStatistics Compute(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Order().ToList();
        if (sorted.Count == 0)
        {
            return new DurationStatistics(0, null, null, null);
        }

        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1
            ? Hours(sorted[middle])
            : (Hours(sorted[middle - 1]) + Hours(sorted[middle])) / 2;

        // Nearest rank: the 90th percentile is the value at rank ceil(0.9 × n), counting ranks from 1.
        var rank = (int)Math.Ceiling(sorted.Count * 0.9m);
        var p90 = Hours(sorted[rank - 1]);

        return new DurationStatistics(sorted.Count, Round(median), Round(p90), Round(Hours(sorted[^1])));
    }

    /// <summary>Returns the duration in hours, exact to the tick.</summary>
    public static decimal Hours(TimeSpan duration) => (decimal)duration.Ticks / TimeSpan.TicksPerHour;

    /// <summary>Rounds to two decimals, half away from zero.</summary>
    public static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}
