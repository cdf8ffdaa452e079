using System.Collections.Concurrent;

namespace TermSync.Grains.Ledger;

/// <summary>
/// A receivables ledger kept in process memory, for test clusters and benchmarks that use memory grain storage. Like
/// memory grain storage, it loses everything when the process stops, so a production silo uses the PostgreSQL ledger.
/// </summary>
public sealed class InMemoryReceivablesLedger : IReceivablesLedger
{
    private readonly ConcurrentDictionary<(string VendorId, string InvoiceNumber, string EntryKey), LedgerEntry> _entries = new();

    /// <summary>Every stored entry, in no particular order.</summary>
    public IReadOnlyCollection<LedgerEntry> Entries => [.. _entries.Values];

    public Task AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            _entries.TryAdd((entry.VendorId, entry.InvoiceNumber, entry.EntryKey), entry);
        }

        return Task.CompletedTask;
    }
}
