using TermSync.Metrics;

namespace TermSync.Grains.Metrics;

/// <summary>
/// Live receivables figures of a set of invoices, kept as running totals per currency. Each invoice is recorded with
/// its whole history after every change; the totals subtract its previous history and add the new one, so reading the
/// figures costs the same whatever the number of invoices.
/// </summary>
/// <remarks>
/// The figures equal those <see cref="ReceivablesCalculator"/> computes from the same histories at any as-of date on or
/// after the latest entry date, over a window of at most <see cref="MaxWindowDays"/> days. Earlier dates and longer
/// windows are read from the ledger.
/// </remarks>
public sealed class ReceivablesRunningTotals
{
    /// <summary>The longest window the live figures serve; the totals are loaded back to the horizon of this window.</summary>
    public const int MaxWindowDays = 366;

    private readonly Dictionary<string, CurrencyRunningTotals> _currencies = new(StringComparer.Ordinal);
    private readonly Dictionary<(string VendorId, string InvoiceNumber), CountedInvoice> _invoices = [];
    private readonly Dictionary<(string VendorId, string InvoiceNumber), DateOnly> _firstQueried = [];
    private readonly HashSet<(string VendorId, string InvoiceNumber)> _rejected = [];

    /// <summary>The totals of each currency counted so far.</summary>
    public IReadOnlyDictionary<string, CurrencyRunningTotals> Currencies => _currencies;

    /// <summary>Number of invoices counted.</summary>
    public int InvoiceCount => _invoices.Count;

    /// <summary>
    /// Records an invoice's history after a change. A <paramref name="version"/> above 0 that is not newer than the
    /// one recorded changes nothing; version 0 (a history loaded from the ledger) always replaces. An invalid history
    /// takes the invoice out of the totals and stops them from serving figures until a valid one replaces it.
    /// </summary>
    /// <returns>Whether the totals changed; false for a stale version.</returns>
    /// <exception cref="ArgumentException">The history is invalid; the invoice is out of the totals.</exception>
    public bool Record(InvoiceHistory history, int version)
    {
        ArgumentNullException.ThrowIfNull(history);
        var key = (history.VendorId, history.InvoiceNumber);
        if (_invoices.TryGetValue(key, out var counted) && version > 0 && counted.Version >= version)
        {
            return false;
        }

        if (history.FirstQueriedOn is { } queriedOn)
        {
            NoteQueried(key, queriedOn);
        }

        var merged = _firstQueried.TryGetValue(key, out var firstQueried) ? history with { FirstQueriedOn = firstQueried } : history;
        Remove(key);
        InvoiceHistoryRules.Validate(merged, merged.Currency);
        _rejected.Remove(key);
        Totals(merged.Currency).Apply(new InvoiceTimeline(merged), +1);
        _invoices[key] = new CountedInvoice(version, merged);
        return true;
    }

    /// <summary>Records that customers first questioned or disputed an invoice on <paramref name="queriedOn"/>, if that is earlier than any date known.</summary>
    /// <returns>Whether the totals changed.</returns>
    public bool RecordQueried(string vendorId, string invoiceNumber, DateOnly queriedOn)
    {
        var key = (vendorId, invoiceNumber);
        if (!NoteQueried(key, queriedOn))
        {
            return false;
        }

        if (_invoices.TryGetValue(key, out var counted))
        {
            var totals = Totals(counted.History.Currency);
            totals.Apply(new InvoiceTimeline(counted.History), -1);
            var updated = counted with { History = counted.History with { FirstQueriedOn = queriedOn } };
            totals.Apply(new InvoiceTimeline(updated.History), +1);
            _invoices[key] = updated;
        }

        return true;
    }

    /// <summary>
    /// Computes every figure per currency at <paramref name="asOf"/>, ordered by currency code; null when the totals
    /// cannot give them: an entry is dated after <paramref name="asOf"/>, the window is longer than
    /// <see cref="MaxWindowDays"/>, or an invalid history was recorded.
    /// </summary>
    public IReadOnlyList<ReceivablesMetrics>? Compute(DateOnly asOf, int windowDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        if (windowDays > MaxWindowDays || _rejected.Count > 0 || _currencies.Values.Any(totals => !totals.Covers(asOf)))
        {
            return null;
        }

        return ComputeAll(_currencies, asOf, windowDays);
    }

    /// <summary>Computes every figure of each non-empty currency's totals at <paramref name="asOf"/>, ordered by currency code.</summary>
    /// <exception cref="InvalidOperationException">Some totals hold an entry dated after <paramref name="asOf"/>.</exception>
    public static IReadOnlyList<ReceivablesMetrics> ComputeAll(IReadOnlyDictionary<string, CurrencyRunningTotals> currencies, DateOnly asOf, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(currencies);
        return [.. currencies
            .Where(pair => !pair.Value.IsEmpty)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => ReceivablesCalculator.Compute(pair.Value, new MetricScope(pair.Key, asOf, windowDays)))];
    }

    private void Remove((string VendorId, string InvoiceNumber) key)
    {
        if (_invoices.Remove(key, out var counted))
        {
            Totals(counted.History.Currency).Apply(new InvoiceTimeline(counted.History), -1);
        }

        _rejected.Add(key);
    }

    private bool NoteQueried((string VendorId, string InvoiceNumber) key, DateOnly queriedOn)
    {
        if (_firstQueried.TryGetValue(key, out var known) && known <= queriedOn)
        {
            return false;
        }

        _firstQueried[key] = queriedOn;
        return true;
    }

    private CurrencyRunningTotals Totals(string currency)
    {
        if (!_currencies.TryGetValue(currency, out var totals))
        {
            totals = new CurrencyRunningTotals();
            _currencies[currency] = totals;
        }

        return totals;
    }

    private sealed record CountedInvoice(int Version, InvoiceHistory History);
}
