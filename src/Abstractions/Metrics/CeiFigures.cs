namespace TermSync.Metrics;

/// <summary>The collection effectiveness index at the as-of date, monthly (one month) and quarterly (three months).</summary>
[GenerateSerializer, Immutable, Alias("termsync.CeiFigures")]
public sealed record CeiFigures(
    [property: Id(0)] MetricScope Scope,
    [property: Id(1)] CeiPeriod Monthly,
    [property: Id(2)] CeiPeriod Quarterly);
