using TermSync.Metrics;

namespace TermSync.Grains.Metrics;

/// <summary>
/// Live receivables figures of a set of invoices. Each invoice is recorded with its whole history after every change.
/// An invoice whose dates all fall on or before <see cref="Cutoff"/> is counted in running totals per currency, which
/// subtract its previous history and add the new one. An invoice with a later date is pending: it is kept as a history
/// and read invoice by invoice until the cutoff passes its dates. So reading the figures costs the same whatever the
/// number of invoices, plus the walk over the invoices changed since the cutoff.
/// </summary>
/// <remarks>
/// The figures equal those <see cref="ReceivablesCalculator"/> computes from the same histories at any as-of date on or
/// after the cutoff, over a window of at most <see cref="MaxWindowDays"/> days. Earlier dates and longer windows are read
/// from the ledger.
/// </remarks>
public sealed class ReceivablesRunningTotals
{
    /// <summary>The longest window the live figures serve; the totals are loaded back to the horizon of this window.</summary>
    public const int MaxWindowDays = 366;

    private readonly Dictionary<string, CurrencyRunningTotals> _currencies = new(StringComparer.Ordinal);
    private readonly Dictionary<(string VendorId, string InvoiceNumber), CountedInvoice> _invoices = [];
    private readonly HashSet<(string VendorId, string InvoiceNumber)> _pending = [];
    private readonly Dictionary<(string VendorId, string InvoiceNumber), DateOnly> _firstQueried = [];
    private readonly HashSet<(string VendorId, string InvoiceNumber)> _rejected = [];

    /// <summary>The latest date that every counted invoice's dates may reach; invoices with a later date are pending.</summary>
    public DateOnly Cutoff { get; private set; } = DateOnly.MinValue;

    /// <summary>The running totals of each currency, without the pending invoices.</summary>
    public IReadOnlyDictionary<string, CurrencyRunningTotals> Currencies => _currencies;

    /// <summary>The histories of the invoices with a date after <see cref="Cutoff"/>.</summary>
    public IReadOnlyList<InvoiceHistory> PendingHistories => [.. _pending.Select(key => _invoices[key].History)];

    /// <summary>Whether every recorded history was valid, so that the totals can give figures.</summary>
    public bool IsServing => _rejected.Count == 0;

    /// <summary>Number of invoices recorded.</summary>
    public int InvoiceCount => _invoices.Count;

    /// <summary>Moves the cutoff forward to <paramref name="cutoff"/> and counts the pending invoices it now covers.</summary>
    /// <returns>Whether any invoice moved into the running totals.</returns>
    public bool AdvanceCutoff(DateOnly cutoff)
    {
        if (cutoff <= Cutoff)
        {
            return false;
        }

        Cutoff = cutoff;
        var moved = false;
        foreach (var key in _pending.ToList())
        {
            var counted = _invoices[key];
            if (counted.Timeline.LatestDate <= cutoff)
            {
                _pending.Remove(key);
                Totals(counted.History.Currency).Apply(counted.Timeline, +1);
                moved = true;
            }
        }

        return moved;
    }

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
        _rejected.Add(key);
        InvoiceHistoryRules.Validate(merged, merged.Currency);
        _rejected.Remove(key);
        Add(key, version, merged);
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
            Remove(key);
            Add(key, counted.Version, counted.History with { FirstQueriedOn = queriedOn });
        }

        return true;
    }

    /// <summary>
    /// Computes every figure per currency at <paramref name="asOf"/>, ordered by currency code; null when the totals
    /// cannot give them: <paramref name="asOf"/> is before the cutoff, the window is longer than
    /// <see cref="MaxWindowDays"/>, or an invalid history was recorded.
    /// </summary>
    public IReadOnlyList<ReceivablesMetrics>? Compute(DateOnly asOf, int windowDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        if (windowDays > MaxWindowDays || !IsServing || asOf < Cutoff)
        {
            return null;
        }

        return ComputeAll(_currencies, _pending.Select(key => _invoices[key].History), asOf, windowDays);
    }

    /// <summary>
    /// Computes every figure at <paramref name="asOf"/> for each currency of the running totals <paramref name="counted"/>
    /// and of the <paramref name="pending"/> histories, which are other invoices, ordered by currency code.
    /// </summary>
    /// <exception cref="InvalidOperationException">Some running totals hold an entry dated after <paramref name="asOf"/>.</exception>
    public static IReadOnlyList<ReceivablesMetrics> ComputeAll(
        IReadOnlyDictionary<string, CurrencyRunningTotals> counted, IEnumerable<InvoiceHistory> pending, DateOnly asOf, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(counted);
        ArgumentNullException.ThrowIfNull(pending);
        var pendingByCurrency = pending
            .GroupBy(history => history.Currency, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => new ReceivablesLedger([.. group.Select(history => new InvoiceTimeline(history))]), StringComparer.Ordinal);
        var currencies = counted.Where(pair => !pair.Value.IsEmpty).Select(pair => pair.Key).Union(pendingByCurrency.Keys).Order(StringComparer.Ordinal);

        return [.. currencies.Select(currency =>
        {
            var totals = counted.TryGetValue(currency, out var found) ? found : null;
            var ledger = pendingByCurrency.GetValueOrDefault(currency);
            IReceivablesSource source = (totals, ledger) switch
            {
                ({ } both, { } walked) => new CombinedSource(both, walked),
                ({ } onlyTotals, null) => onlyTotals,
                _ => ledger!,
            };
            return ReceivablesCalculator.Compute(source, new MetricScope(currency, asOf, windowDays));
        })];
    }

    private void Add((string VendorId, string InvoiceNumber) key, int version, InvoiceHistory history)
    {
        var counted = new CountedInvoice(version, history, new InvoiceTimeline(history));
        _invoices[key] = counted;
        if (counted.Timeline.LatestDate <= Cutoff)
        {
            Totals(history.Currency).Apply(counted.Timeline, +1);
        }
        else
        {
            _pending.Add(key);
        }
    }

    private void Remove((string VendorId, string InvoiceNumber) key)
    {
        if (!_invoices.Remove(key, out var counted))
        {
            return;
        }

        if (!_pending.Remove(key))
        {
            Totals(counted.History.Currency).Apply(counted.Timeline, -1);
        }
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

    private sealed record CountedInvoice(int Version, InvoiceHistory History, InvoiceTimeline Timeline);
}
