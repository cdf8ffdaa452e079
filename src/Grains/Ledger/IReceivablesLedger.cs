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
}
