using TermSync.Metrics;

namespace TermSync.Grains.Ledger;

/// <summary>
/// Ledger rows loaded once for a range of as-of dates, from which the invoice histories at any date of the range are
/// built in memory. A history at a date takes only the rows dated on or before it, so it equals the one a single as-of
/// read at that date returns.
/// </summary>
/// <remarks>
/// Histories are rebuilt for each date instead of built once at the last date, because <see cref="InvoiceHistoryBuilder"/>
/// moves a void or a reversal to the date of a later payment, and which payments count depends on the date.
/// </remarks>
public sealed class LedgerHistories
{
    private readonly IReadOnlyList<InvoiceRows> _invoices;

    public LedgerHistories(DateOnly firstAsOf, DateOnly lastAsOf, IReadOnlyList<InvoiceRows> invoices)
    {
        FirstAsOf = firstAsOf;
        LastAsOf = lastAsOf;
        _invoices = invoices;
    }

    /// <summary>The earliest as-of date whose histories were loaded.</summary>
    public DateOnly FirstAsOf { get; }

    /// <summary>The latest as-of date whose histories were loaded; no row dated after it was loaded.</summary>
    public DateOnly LastAsOf { get; }

    /// <summary>
    /// Builds the histories at <paramref name="asOf"/> of the invoices issued by then. Issue and amendment rows count
    /// whatever their date, because an amendment corrects the sale. A void counts from the date <see cref="VoidCountsOn"/>
    /// returns, and every other row counts when it is dated on or before <paramref name="asOf"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is outside the loaded range.</exception>
    public IReadOnlyList<InvoiceHistory> AsOf(DateOnly asOf)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(asOf, FirstAsOf);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(asOf, LastAsOf);

        var histories = new List<InvoiceHistory>();
        foreach (var invoice in _invoices)
        {
            if (invoice.IssueDate > asOf)
            {
                continue;
            }

            var voidCountsOn = VoidCountsOn(invoice);
            var builder = new InvoiceHistoryBuilder(invoice.VendorId, invoice.InvoiceNumber, invoice.CustomerId, invoice.Currency, invoice.IssueDate, invoice.DueDate);
            foreach (var row in invoice.Rows)
            {
                var counts = row.Kind switch
                {
                    LedgerEntryKind.Issued or LedgerEntryKind.AmountAdjusted => true,
                    LedgerEntryKind.Void => voidCountsOn <= asOf,
                    _ => row.BusinessDate <= asOf,
                };
                if (counts)
                {
                    builder.Add(row.Kind, row.EntryKey, row.BusinessDate, row.Amount);
                }
            }

            histories.Add(builder.Build());
        }

        return histories;
    }

    /// <summary>
    /// Returns the date from which the invoice's void counts, or null without a void: the latest date of the void and
    /// every payment, reversal, credit note and write-off. <see cref="InvoiceHistoryBuilder"/> moves the void to that
    /// date too, so a payment and its reversal dated after the void never meet a void that already counts.
    /// </summary>
    /// <remarks>The reader loads every row of a void invoice, so this date does not depend on the as-of date.</remarks>
    private static DateOnly? VoidCountsOn(InvoiceRows invoice)
    {
        DateOnly? voidDate = null;
        var latest = invoice.IssueDate;
        foreach (var row in invoice.Rows)
        {
            if (row.Kind == LedgerEntryKind.Void)
            {
                voidDate = voidDate is { } earlier && earlier <= row.BusinessDate ? earlier : row.BusinessDate;
            }

            if (row.Kind is LedgerEntryKind.Void or LedgerEntryKind.Payment or LedgerEntryKind.PaymentReversal or LedgerEntryKind.Credit or LedgerEntryKind.WriteOff
                && row.BusinessDate > latest)
            {
                latest = row.BusinessDate;
            }
        }

        return voidDate is null ? null : latest;
    }

    /// <summary>
    /// Builds the history of each invoice in <paramref name="entries"/> after all of its entries. The newest entry of an
    /// invoice, the last in the list, gives its header.
    /// </summary>
    public static IReadOnlyList<InvoiceHistory> FromEntries(IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var invoices = new List<InvoiceRows>();
        foreach (var group in entries.GroupBy(entry => (entry.VendorId, entry.InvoiceNumber)))
        {
            var header = group.Last();
            var rows = group.Select(entry => new Row(entry.Kind, entry.EntryKey, entry.BusinessDate, entry.Amount)).ToList();
            invoices.Add(new InvoiceRows(header.VendorId, header.InvoiceNumber, header.CustomerId, header.Currency, header.IssueDate, header.DueDate, rows));
        }

        return new LedgerHistories(DateOnly.MaxValue, DateOnly.MaxValue, invoices).AsOf(DateOnly.MaxValue);
    }

    /// <summary>The header of one invoice, from its latest row, and its rows in the order they were recorded.</summary>
    public sealed record InvoiceRows(string VendorId, string InvoiceNumber, string CustomerId, string Currency, DateOnly IssueDate, DateOnly DueDate, List<Row> Rows);

    public readonly record struct Row(LedgerEntryKind Kind, string EntryKey, DateOnly BusinessDate, decimal Amount);
}
