using TermSync.Grains.Ledger;
using TermSync.Metrics;

namespace TermSync.Benchmarks.Growth;

/// <summary>
/// A receivables ledger that counts appended entries and keeps none, so the silo process keeps no ledger. The PostgreSQL
/// ledger of a real silo keeps its entries in the database. Loading a vendor's histories returns none, so a vendor's
/// live totals that activate again start empty.
/// </summary>
public sealed class DiscardingReceivablesLedger : IReceivablesLedger
{
    private long _entries;

    /// <summary>Entries appended since the silo started.</summary>
    public long Entries => Interlocked.Read(ref _entries);

    public Task AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Interlocked.Add(ref _entries, entries.Count);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<InvoiceHistory>> LoadVendorSinceAsync(string vendorId, DateOnly horizon, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<InvoiceHistory>>([]);
}
