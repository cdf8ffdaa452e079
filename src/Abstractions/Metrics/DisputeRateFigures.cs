namespace TermSync.Metrics;

/// <summary>The share of invoices issued in the window W that customers questioned or disputed by the as-of date.</summary>
/// <param name="IssuedInvoiceCount">Invoices issued in W, less those void on or before the as-of date.</param>
/// <param name="QueriedInvoiceCount">Those of them first questioned or disputed on or before the as-of date.</param>
/// <param name="DisputeRatePercent">Queried / issued × 100, rounded to two decimals half away from zero; null when none was issued.</param>
/// <param name="InvoiceAccuracyPercent">100 − the rounded dispute rate, so the two add up to 100; null when none was issued.</param>
[GenerateSerializer, Immutable, Alias("termsync.DisputeRateFigures")]
public sealed record DisputeRateFigures(
    [property: Id(0)] MetricScope Scope,
    [property: Id(1)] int IssuedInvoiceCount,
    [property: Id(2)] int QueriedInvoiceCount,
    [property: Id(3)] decimal? DisputeRatePercent,
    [property: Id(4)] decimal? InvoiceAccuracyPercent);
