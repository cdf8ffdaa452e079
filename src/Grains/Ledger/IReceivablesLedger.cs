using TermSync.Metrics;

namespace TermSync.Grains.Ledger;

/// <summary>
/// The append-only receivables ledger: every dated change to every invoice, from which metrics are computed for any
/// past date. Entries are never changed or removed, and a correction is a new entry.
/// </summary>
public interface IReceivablesLedger
{
    /// <summary>
    /// Appends <paramref name="entries"/> and completes once they are durably stored. An entry whose vendor, invoice
    /// and entry key are stored already is skipped, so a retried command appends nothing twice.
    /// </summary>
    Task AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads the histories, after all of their entries, of the vendor's invoices that matter at some date from
    /// <paramref name="horizon"/> on: at least those issued since, open at its start, or with an entry dated since.
    /// </summary>
    Task<IReadOnlyList<InvoiceHistory>> LoadVendorSinceAsync(string vendorId, DateOnly horizon, CancellationToken cancellationToken = default);
}
