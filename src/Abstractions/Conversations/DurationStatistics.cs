namespace TermSync.Conversations;

/// <summary>
/// Count, median, 90th percentile and maximum of a set of durations, in hours rounded to two decimals (half away from
/// zero). The median of an even count is the mean of the two middle values. The 90th percentile is the nearest rank:
/// the smallest value with at least 90% of the values at or below it. Each figure is null when the count is zero.
/// </summary>
[GenerateSerializer, Immutable, Alias("termsync.DurationStatistics")]
public sealed record DurationStatistics(
    [property: Id(0)] int Count,
    [property: Id(1)] decimal? MedianHours,
    [property: Id(2)] decimal? P90Hours,
    [property: Id(3)] decimal? MaxHours);
