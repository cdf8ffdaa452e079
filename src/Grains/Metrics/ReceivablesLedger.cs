namespace TermSync.Grains.Metrics;

/// <summary>The validated invoices of one currency, with the sums that several metric families share.</summary>
internal sealed class ReceivablesLedger(IReadOnlyList<InvoiceTimeline> invoices)
{
    public IReadOnlyList<InvoiceTimeline> Invoices { get; } = invoices;

    /// <summary>Returns AR at the end of <paramref name="date"/>: the sum of every invoice's open amount then.</summary>
    public decimal ArAt(DateOnly date) => Invoices.Sum(invoice => invoice.OpenAmountAt(date));

    /// <summary>Returns the credit sales dated from <paramref name="first"/> to <paramref name="last"/> inclusive, and the invoices behind them.</summary>
    public (decimal Amount, int InvoiceCount) SalesBetween(DateOnly first, DateOnly last)
    {
        var amount = 0m;
        var invoiceCount = 0;
        foreach (var invoice in Invoices)
        {
            var counted = false;
            foreach (var (date, saleAmount) in invoice.SalesEntries())
            {
                if (date >= first && date <= last)
                {
                    amount += saleAmount;
                    counted = true;
                }
            }

            invoiceCount += counted ? 1 : 0;
        }

        return (amount, invoiceCount);
    }
}
