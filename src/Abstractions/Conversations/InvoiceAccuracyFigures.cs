namespace TermSync.Conversations;

/// <summary>
/// The share of a vendor's invoices that customers questioned or disputed, over the window of <see cref="WindowDays"/>
/// dates ending with <see cref="AsOf"/>.
/// </summary>
/// <param name="IssuedCount">Invoices with an issue date in the window, void ones excluded.</param>
/// <param name="QueriedCount">Those of them named by at least one question or dispute opened by the end of <paramref name="AsOf"/>.</param>
/// <param name="DisputeRatePercent">QueriedCount / IssuedCount × 100, rounded to two decimals; null when no invoice was issued.</param>
/// <param name="InvoiceAccuracyPercent">100 − <paramref name="DisputeRatePercent"/>; null when no invoice was issued.</param>
[GenerateSerializer, Immutable, Alias("termsync.InvoiceAccuracyFigures")]
public sealed record InvoiceAccuracyFigures(
    [property: Id(0)] string VendorId,
    [property: Id(1)] DateOnly AsOf,
    [property: Id(2)] int WindowDays,
    [property: Id(3)] int IssuedCount,
    [property: Id(4)] int QueriedCount,
    [property: Id(5)] decimal? DisputeRatePercent,
    [property: Id(6)] decimal? InvoiceAccuracyPercent)
{
    /// <summary>The first date of the window.</summary>
    public DateOnly WindowStart => AsOf.AddDays(1 - WindowDays);
}
