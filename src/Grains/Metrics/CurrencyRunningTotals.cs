namespace TermSync.Grains.Metrics;

/// <summary>
/// Sums over one currency's invoices, kept by date so that each figure at a date is read from a few hundred dated sums
/// instead of from every invoice. Adding an invoice's history and later subtracting it leaves the sums as they were, so
/// a changed invoice is applied as its old history subtracted and its new one added. Totals of several vendors add up
/// the same way.
/// </summary>
/// <remarks>
/// The sums count each invoice as it is after all of its entries. They therefore give the figures of any as-of date on
/// or after <see cref="LatestDate"/>, the latest date of any entry, and of no earlier date: reading an earlier one throws.
/// Reads go through a <see cref="ReadIndex"/> built on the first read after a change, so a read costs O(log n) for n
/// dates and the first read after a change adds one O(n) pass.
/// </remarks>
[GenerateSerializer, Alias("termsync.CurrencyRunningTotals")]
public sealed partial class CurrencyRunningTotals : IReceivablesSource
{
    /// <summary>Change of AR on each date; AR at a date is the sum up to it.</summary>
    [Id(0)]
    private readonly SortedDictionary<DateOnly, decimal> _arChanges = [];

    /// <summary>Open amount and open invoices after all entries, by due date.</summary>
    [Id(1)]
    private readonly SortedDictionary<DateOnly, AmountCount> _openByDueDate = [];

    /// <summary>Credit sales on each date: issues, less credit notes and voids.</summary>
    [Id(2)]
    private readonly SortedDictionary<DateOnly, decimal> _sales = [];

    /// <summary>Invoices by the date of their latest issue, credit note or void.</summary>
    [Id(3)]
    private readonly SortedDictionary<DateOnly, int> _lastSaleDates = [];

    /// <summary>
    /// For invoices closed after all entries: changes, by date t, of how many count in a CEI period that starts on t + 1,
    /// because they were open at t or had a sale after t. The count for t is the sum up to it.
    /// </summary>
    [Id(4)]
    private readonly SortedDictionary<DateOnly, int> _closedCeiChanges = [];

    /// <summary>Payment-behaviour sums of settled invoices, by settlement date.</summary>
    [Id(5)]
    private readonly SortedDictionary<DateOnly, SettlementTotals> _settlements = [];

    /// <summary>Invoices not void, and those of them questioned or disputed, by issue date.</summary>
    [Id(6)]
    private readonly SortedDictionary<DateOnly, IssuedCount> _issued = [];

    /// <summary>Remainders above zero written off, by write-off date.</summary>
    [Id(7)]
    private readonly SortedDictionary<DateOnly, AmountCount> _writeOffs = [];

    /// <summary>Invoices by their latest date: issue, any entry, or first question.</summary>
    [Id(8)]
    private readonly SortedDictionary<DateOnly, int> _latestDates = [];

    /// <summary>The index of the sums above, or null until the first read after a change. A copy starts without it.</summary>
    [NonSerialized]
    private ReadIndex? _index;

    /// <summary>The latest date of any invoice's issue, entries or first question; null when no invoice is counted.</summary>
    public DateOnly? LatestDate => _latestDates.Count == 0 ? null : Index.LatestDates.LatestDate;

    /// <summary>Whether no invoice is counted.</summary>
    public bool IsEmpty => _latestDates.Count == 0;

    /// <summary>Whether figures at <paramref name="asOf"/> can be read: no entry is dated after it.</summary>
    public bool Covers(DateOnly asOf) => LatestDate is not { } latest || latest <= asOf;

    /// <summary>Adds (<paramref name="sign"/> = +1) or subtracts (−1) one validated invoice.</summary>
    internal void Apply(InvoiceTimeline invoice, int sign)
    {
        _index = null;
        var history = invoice.History;
        var changeDates = history.Entries.Select(entry => entry.Date).Append(history.IssueDate).Distinct().Order().ToArray();
        var openAfter = changeDates.Select(invoice.OpenAmountAt).ToArray();
        var previous = 0m;
        for (var index = 0; index < changeDates.Length; index++)
        {
            Bump(_arChanges, changeDates[index], sign * (openAfter[index] - previous));
            previous = openAfter[index];
        }

        var openNow = previous;
        if (openNow > 0m)
        {
            Bump(_openByDueDate, history.DueDate, new AmountCount(sign, sign * openNow));
        }

        var lastSale = history.IssueDate;
        foreach (var (date, amount) in invoice.SalesEntries())
        {
            Bump(_sales, date, sign * amount);
            lastSale = date > lastSale ? date : lastSale;
        }

        Bump(_lastSaleDates, lastSale, sign);
        if (openNow == 0m)
        {
            ApplyClosedCeiDays(changeDates, openAfter, lastSale, sign);
        }

        if (invoice.SettledOn(DateOnly.MaxValue) is { } settledOn)
        {
            Bump(_settlements, settledOn, default(SettlementTotals).Add(invoice.SettlementOn(settledOn), sign));
        }

        if (invoice.VoidedOn is null)
        {
            Bump(_issued, history.IssueDate, new IssuedCount(sign, history.FirstQueriedOn is null ? 0 : sign));
        }

        if (invoice.WrittenOffOn is { } writtenOffOn && invoice.WrittenOffAmount > 0m)
        {
            Bump(_writeOffs, writtenOffOn, new AmountCount(sign, sign * invoice.WrittenOffAmount));
        }

        Bump(_latestDates, invoice.LatestDate, sign);
    }

    /// <summary>Adds (<paramref name="sign"/> = +1) or subtracts (−1) every sum of <paramref name="other"/>.</summary>
    public void Add(CurrencyRunningTotals other, int sign)
    {
        ArgumentNullException.ThrowIfNull(other);
        _index = null;
        AddAll(_arChanges, other._arChanges, sign, (a, b, s) => a + (s * b));
        AddAll(_openByDueDate, other._openByDueDate, sign, (a, b, s) => a.Add(b, s));
        AddAll(_sales, other._sales, sign, (a, b, s) => a + (s * b));
        AddAll(_lastSaleDates, other._lastSaleDates, sign, (a, b, s) => a + (s * b));
        AddAll(_closedCeiChanges, other._closedCeiChanges, sign, (a, b, s) => a + (s * b));
        AddAll(_settlements, other._settlements, sign, (a, b, s) => a.Add(b, s));
        AddAll(_issued, other._issued, sign, (a, b, s) => a.Add(b, s));
        AddAll(_writeOffs, other._writeOffs, sign, (a, b, s) => a.Add(b, s));
        AddAll(_latestDates, other._latestDates, sign, (a, b, s) => a + (s * b));
    }

    AgingTotals IReceivablesSource.AgingAt(DateOnly asOf)
    {
        EnsureCovers(asOf);
        var totals = new AgingTotals();
        var openByDueDate = Index.OpenByDueDate;
        var asOfDay = asOf.DayNumber;

        // Each bucket contains the due dates from its maximum to its minimum days past due before asOf.
        for (var bucket = 0; bucket < AgingTotals.BucketCount; bucket++)
        {
            var firstDueDay = bucket == AgingTotals.BucketCount - 1 ? DateOnly.MinValue.DayNumber : asOfDay - AgingTotals.LastDaysPastDue(bucket);
            var lastDueDay = bucket == 0 ? DateOnly.MaxValue.DayNumber : asOfDay - AgingTotals.FirstDaysPastDue(bucket);
            var open = openByDueDate.SumBetween(firstDueDay, lastDueDay);
            totals.AddToBucket(bucket, open.Amount, open.Count);
        }

        return totals;
    }

    decimal IReceivablesSource.ArAt(DateOnly date) => Index.ArChanges.SumBetween(DateOnly.MinValue, date);

    decimal IReceivablesSource.SalesBetween(DateOnly first, DateOnly last) => Index.Sales.SumBetween(first, last);

    int IReceivablesSource.SalesInvoiceCount(DateOnly first, DateOnly last)
    {
        EnsureCovers(last);
        return Index.LastSaleDates.SumBetween(first, DateOnly.MaxValue);
    }

    int IReceivablesSource.CeiInvoiceCount(DateOnly periodStart, DateOnly asOf)
    {
        EnsureCovers(asOf);
        var dayBefore = periodStart.AddDays(-1);
        var openNow = Index.OpenByDueDate.SumBetween(DateOnly.MinValue, DateOnly.MaxValue).Count;
        return openNow + Index.ClosedCeiChanges.SumBetween(DateOnly.MinValue, dayBefore);
    }

    SettlementTotals IReceivablesSource.SettledBetween(DateOnly first, DateOnly asOf)
    {
        EnsureCovers(asOf);
        return Index.Settlements.SumBetween(first, DateOnly.MaxValue);
    }

    (int Issued, int Queried) IReceivablesSource.IssuedBetween(DateOnly first, DateOnly last, DateOnly asOf)
    {
        EnsureCovers(asOf);
        var sum = Index.Issued.SumBetween(first, last);
        return (sum.Issued, sum.Queried);
    }

    (int Count, decimal Amount) IReceivablesSource.WrittenOffBetween(DateOnly first, DateOnly last)
    {
        var sum = Index.WriteOffs.SumBetween(first, last);
        return (sum.Count, sum.Amount);
    }

    private ReadIndex Index => _index ??= new ReadIndex(this);

    /// <summary>
    /// Counts a closed invoice in the CEI periods starting on t + 1 for every t before its last sale (it has a sale in
    /// the period) and for every later t on which it was open. The two sets of days do not overlap.
    /// </summary>
    private void ApplyClosedCeiDays(DateOnly[] changeDates, decimal[] openAfter, DateOnly lastSale, int sign)
    {
        if (lastSale > DateOnly.MinValue)
        {
            Bump(_closedCeiChanges, DateOnly.MinValue, sign);
            Bump(_closedCeiChanges, lastSale, -sign);
        }

        // Open after changeDates[i] means open on every day up to the next change; the last change closed the invoice.
        for (var index = 0; index < changeDates.Length - 1; index++)
        {
            var start = changeDates[index] < lastSale ? lastSale : changeDates[index];
            var endExclusive = changeDates[index + 1];
            if (openAfter[index] > 0m && start < endExclusive)
            {
                Bump(_closedCeiChanges, start, sign);
                Bump(_closedCeiChanges, endExclusive, -sign);
            }
        }
    }

    private void EnsureCovers(DateOnly asOf)
    {
        if (!Covers(asOf))
        {
            throw new InvalidOperationException($"Running totals hold entries dated up to {LatestDate:yyyy-MM-dd} and cannot give figures at {asOf:yyyy-MM-dd}.");
        }
    }

    private static void Bump(SortedDictionary<DateOnly, decimal> map, DateOnly date, decimal delta) =>
        Bump(map, date, delta, (a, b, s) => a + (s * b));

    private static void Bump(SortedDictionary<DateOnly, int> map, DateOnly date, int delta) =>
        Bump(map, date, delta, (a, b, s) => a + (s * b));

    private static void Bump(SortedDictionary<DateOnly, AmountCount> map, DateOnly date, AmountCount delta) =>
        Bump(map, date, delta, (a, b, s) => a.Add(b, s));

    private static void Bump(SortedDictionary<DateOnly, IssuedCount> map, DateOnly date, IssuedCount delta) =>
        Bump(map, date, delta, (a, b, s) => a.Add(b, s));

    private static void Bump(SortedDictionary<DateOnly, SettlementTotals> map, DateOnly date, SettlementTotals delta) =>
        Bump(map, date, delta, (a, b, s) => a.Add(b, s));

    /// <summary>Adds <paramref name="delta"/> at <paramref name="date"/> and drops the date once its sum is zero, so the maps hold only dates that matter.</summary>
    private static void Bump<T>(SortedDictionary<DateOnly, T> map, DateOnly date, T delta, Func<T, T, int, T> add)
        where T : struct, IEquatable<T>
    {
        var sum = add(map.GetValueOrDefault(date), delta, +1);
        if (sum.Equals(default))
        {
            map.Remove(date);
        }
        else
        {
            map[date] = sum;
        }
    }

    private static void AddAll<T>(SortedDictionary<DateOnly, T> map, SortedDictionary<DateOnly, T> other, int sign, Func<T, T, int, T> add)
        where T : struct, IEquatable<T>
    {
        foreach (var (date, value) in other)
        {
            Bump(map, date, add(default, value, sign), add);
        }
    }
}

/// <summary>An amount and the number of invoices behind it.</summary>
[GenerateSerializer, Immutable, Alias("termsync.AmountCount")]
internal readonly record struct AmountCount([property: Id(0)] int Count, [property: Id(1)] decimal Amount)
{
    public AmountCount Add(AmountCount other, int sign) => new(Count + (sign * other.Count), Amount + (sign * other.Amount));
}

/// <summary>Invoices issued and not void, and those of them questioned or disputed.</summary>
[GenerateSerializer, Immutable, Alias("termsync.IssuedCount")]
internal readonly record struct IssuedCount([property: Id(0)] int Issued, [property: Id(1)] int Queried)
{
    public IssuedCount Add(IssuedCount other, int sign) => new(Issued + (sign * other.Issued), Queried + (sign * other.Queried));
}
