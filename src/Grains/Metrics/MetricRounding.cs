namespace TermSync.Grains.Metrics;

/// <summary>
/// Rounds day figures and percentages to two decimals, half away from zero (2.345 becomes 2.35), as the other figures of
/// TermSync are rounded. Money is never rounded, because every amount already fits the currency's minor units.
/// </summary>
internal static class MetricRounding
{
    public static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    public static decimal? Round(decimal? value) => value is { } exact ? Round(exact) : null;
}
