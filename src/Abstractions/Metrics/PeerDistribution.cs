namespace TermSync.Metrics;

/// <summary>
/// Where the vendors of the network stand on each receivables figure in one currency: the quartiles across vendors,
/// without any single vendor's figure except the reader's own.
/// </summary>
/// <param name="VendorCount">Vendors with invoices in this currency that matter at the as-of date.</param>
[GenerateSerializer, Immutable, Alias("termsync.PeerDistribution")]
public sealed record PeerDistribution(
    [property: Id(0)] MetricScope Scope,
    [property: Id(1)] int VendorCount,
    [property: Id(2)] IReadOnlyList<FigureDistribution> Figures);

/// <summary>
/// The spread of one figure across vendors. Quartiles interpolate linearly between the two nearest ranks of the sorted
/// values (the method of spreadsheet QUARTILE.INC) and are rounded to two decimals, half away from zero.
/// </summary>
/// <param name="Figure">The figure's name, as in the receivables response: dso, bestPossibleDso, averageDaysDelinquent, countbackDso, ceiMonthly, ceiQuarterly, averageDaysLate, amountWeightedDaysLate, averageDaysToPay or disputeRatePercent.</param>
/// <param name="VendorCount">Vendors whose figure is defined (not null) and therefore counted.</param>
/// <param name="LowerQuartile">The 25th percentile; null when no vendor counts or when the values are withheld.</param>
/// <param name="Own">The reader's own figure when a vendor reads; null for the network's readers or when undefined.</param>
[GenerateSerializer, Immutable, Alias("termsync.FigureDistribution")]
public sealed record FigureDistribution(
    [property: Id(0)] string Figure,
    [property: Id(1)] int VendorCount,
    [property: Id(2)] decimal? LowerQuartile,
    [property: Id(3)] decimal? Median,
    [property: Id(4)] decimal? UpperQuartile,
    [property: Id(5)] decimal? Own);
