using TermSync.Grains.Ledger;

namespace TermSync.Benchmarks.Metrics;

/// <summary>Total AR and the count of open invoices of one currency at one date, as the aging figures report them.</summary>
public sealed record ExpectedAging(string Currency, decimal TotalAr, int OpenInvoiceCount);

/// <summary>
/// Computes, straight from the generated rows, what the receivables endpoints must report as total AR and open invoice
/// count, by the written definition. An invoice issued on or before D is open by its issued amount less the payments and
/// credits dated on or before D, plus the reversals dated by then. Once it is written off or void by D, nothing is open.
/// </summary>
/// <remarks>
/// The generator never pays more than is open and voids only invoices without payments, so the calculator's rules for
/// overpayment and for a void followed by later payments do not apply here.
/// </remarks>
public static class ExpectedReceivables
{
    /// <summary>Returns one entry per currency with an invoice issued by <paramref name="asOf"/>, ordered by currency code.</summary>
    /// <param name="vendor">The index of the only vendor to count, or null for the whole network.</param>
    public static IReadOnlyList<ExpectedAging> At(GeneratedLedger ledger, DateOnly asOf, int? vendor = null)
    {
        var day = asOf.DayNumber;
        var invoices = ledger.Invoices;
        var open = new long[invoices.Count];
        var closed = new bool[invoices.Count];
        foreach (var row in ledger.Rows)
        {
            var counts = row.Kind is LedgerEntryKind.Issued or LedgerEntryKind.AmountAdjusted || row.BusinessDay <= day;
            if (!counts)
            {
                continue;
            }

            switch (row.Kind)
            {
                case LedgerEntryKind.Issued or LedgerEntryKind.AmountAdjusted or LedgerEntryKind.PaymentReversal:
                    open[row.Invoice] += row.MinorUnits;
                    break;
                case LedgerEntryKind.Payment or LedgerEntryKind.Credit:
                    open[row.Invoice] -= row.MinorUnits;
                    break;
                case LedgerEntryKind.WriteOff or LedgerEntryKind.Void:
                    closed[row.Invoice] = true;
                    break;
            }
        }

        var totals = new SortedDictionary<string, (long MinorUnits, int Open)>(StringComparer.Ordinal);
        for (var index = 0; index < invoices.Count; index++)
        {
            var invoice = invoices[index];
            if (invoice.IssueDay > day || (vendor is { } only && invoice.Vendor != only))
            {
                continue;
            }

            var currency = ledger.Vendors[invoice.Vendor].Currency;
            var amount = closed[index] ? 0 : Math.Max(0, open[index]);
            var (minorUnits, openCount) = totals.GetValueOrDefault(currency);
            totals[currency] = (minorUnits + amount, openCount + (amount > 0 ? 1 : 0));
        }

        return [.. totals.Select(pair => new ExpectedAging(pair.Key, GeneratedLedger.ToAmount(pair.Value.MinorUnits, pair.Key), pair.Value.Open))];
    }
}
