using TermSync.Grains.Ledger;
using TermSync.Metrics;

namespace TermSync.Silo.Ledger;

/// <summary>
/// Ledger rows loaded once for a range of as-of dates, from which the invoice histories at any date of the range are
/// built in memory. A history at a date takes only the rows dated on or before it, so it equals the one a single as-of
/// read at that date returns.
/// </summary>
public sealed class LedgerHistories
{
    private readonly IReadOnlyList<InvoiceRows> _invoices;

    internal LedgerHistories(DateOnly firstAsOf, DateOnly lastAsOf, IReadOnlyList<InvoiceRows> invoices)
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
    /// whatever their date, because an amendment corrects the sale, and every other row counts only when it is dated
    /// on or before <paramref name="asOf"/>.
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

            var builder = new InvoiceHistoryBuilder(invoice.VendorId, invoice.InvoiceNumber, invoice.CustomerId, invoice.Currency, invoice.IssueDate, invoice.DueDate);
            foreach (var row in invoice.Rows)
            {
                if (row.BusinessDate <= asOf || row.Kind is LedgerEntryKind.Issued or LedgerEntryKind.AmountAdjusted)
                {
                    builder.Add(row.Kind, row.EntryKey, row.BusinessDate, row.Amount);
                }
            }

            histories.Add(builder.Build());
        }

        return histories;
    }

    /// <summary>The header of one invoice, from its latest row, and its rows in the order they were recorded.</summary>
    internal sealed record InvoiceRows(string VendorId, string InvoiceNumber, string CustomerId, string Currency, DateOnly IssueDate, DateOnly DueDate, List<Row> Rows);

    internal readonly record struct Row(LedgerEntryKind Kind, string EntryKey, DateOnly BusinessDate, decimal Amount);
}
