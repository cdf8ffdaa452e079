using System.Collections.Concurrent;
using TermSync.Metrics;

namespace TermSync.Grains.Ledger;

/// <summary>
/// A receivables ledger kept in process memory, for test clusters and benchmarks that use memory grain storage. Like
/// memory grain storage, it loses everything when the process stops, so a production silo uses the PostgreSQL ledger.
/// </summary>
public sealed class InMemoryReceivablesLedger : IReceivablesLedger
{
    private readonly ConcurrentDictionary<(string VendorId, string InvoiceNumber, string EntryKey), (long Sequence, LedgerEntry Entry)> _entries = new();
    private long _sequence;

    /// <summary>Every stored entry, in the order they were appended.</summary>
    public IReadOnlyCollection<LedgerEntry> Entries => [.. _entries.Values.OrderBy(stored => stored.Sequence).Select(stored => stored.Entry)];

    public Task AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            _entries.TryAdd((entry.VendorId, entry.InvoiceNumber, entry.EntryKey), (Interlocked.Increment(ref _sequence), entry));
        }

        return Task.CompletedTask;
    }

    /// <summary>Loads every invoice of the vendor, whatever <paramref name="horizon"/> is, except one whose issue was never appended.</summary>
    public Task<IReadOnlyList<InvoiceHistory>> LoadVendorSinceAsync(string vendorId, DateOnly horizon, CancellationToken cancellationToken = default)
    {
        var histories = LedgerHistories.FromEntries(Entries.Where(entry => entry.VendorId == vendorId));
        return Task.FromResult<IReadOnlyList<InvoiceHistory>>([.. histories.Where(history => history.IssuedAmount > 0m)]);
    }
}
