using Orleans.Concurrency;
using TermSync.Metrics;

namespace TermSync.Grains.Metrics.Live;

/// <summary>
/// Today's receivables figures of one vendor, keyed by vendor id, kept as running totals in memory. Invoice and
/// conversation grains record every change; on activation the totals are loaded again from the receivables ledger.
/// </summary>
[Alias("termsync.IVendorReceivablesGrain")]
public interface IVendorReceivablesGrain : IGrainWithStringKey
{
    /// <summary>Records an invoice's whole history after a change; a version not newer than the one recorded changes nothing.</summary>
    [Alias("RecordInvoice")]
    Task RecordInvoiceAsync(InvoiceHistory history, int version);

    /// <summary>Records that a customer questioned or disputed the invoices on <paramref name="queriedOn"/>.</summary>
    [Alias("RecordQueried")]
    Task RecordQueriedAsync(IReadOnlyList<string> invoiceNumbers, DateOnly queriedOn);

    /// <summary>
    /// Returns the figures per currency at <paramref name="asOf"/>, or null when the running totals cannot give them (an
    /// entry dated later, a window over <see cref="ReceivablesRunningTotals.MaxWindowDays"/> days, or an invalid history);
    /// the caller then reads the ledger.
    /// </summary>
    [Alias("GetFigures")]
    Task<IReadOnlyList<ReceivablesMetrics>?> GetFiguresAsync(DateOnly asOf, int windowDays);

    /// <summary>Returns a copy of the running totals, for the network's sums.</summary>
    [AlwaysInterleave]
    [Alias("GetTotals")]
    Task<VendorTotals> GetTotalsAsync();
}
