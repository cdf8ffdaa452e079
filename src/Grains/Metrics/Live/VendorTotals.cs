using TermSync.Metrics;

namespace TermSync.Grains.Metrics.Live;

/// <summary>A copy of one vendor's running totals, numbered so that the network applies only the newest.</summary>
/// <param name="Activation">Identifies the vendor grain's activation, whose <paramref name="Sequence"/> counts up from 1.</param>
/// <param name="Currencies">The running totals of each currency, without the pending invoices.</param>
/// <param name="Pending">The histories of the invoices with a date after the vendor's cutoff, which the running totals leave out.</param>
/// <param name="Serving">False while an invalid invoice history keeps the vendor's totals from giving figures.</param>
[GenerateSerializer, Alias("termsync.VendorTotals")]
public sealed record VendorTotals(
    [property: Id(0)] string VendorId,
    [property: Id(1)] Guid Activation,
    [property: Id(2)] long Sequence,
    [property: Id(3)] Dictionary<string, CurrencyRunningTotals> Currencies,
    [property: Id(4)] bool Serving,
    [property: Id(5)] IReadOnlyList<InvoiceHistory> Pending);
