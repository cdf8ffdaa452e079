namespace TermSync.Grains.Metrics;

/// <summary>The validated invoices of one currency, read at any date by walking every invoice.</summary>
internal sealed class ReceivablesLedger(IReadOnlyList<InvoiceTimeline> invoices) : IReceivablesSource
{
    public IReadOnlyList<InvoiceTimeline> Invoices { get; } = invoices;

    public AgingTotals AgingAt(DateOnly asOf)
    {
        var totals = new AgingTotals();
        foreach (var invoice in Invoices)
        {
            var open = invoice.OpenAmountAt(asOf);
            if (open != 0m)
            {
                totals.Add(asOf.DayNumber - invoice.History.DueDate.DayNumber, open, 1);
            }
        }

        return totals;
    }

    public decimal ArAt(DateOnly date) => Invoices.Sum(invoice => invoice.OpenAmountAt(date));

    public decimal SalesBetween(DateOnly first, DateOnly last) => Invoices
        .SelectMany(invoice => invoice.SalesEntries())
        .Where(sale => sale.Date >= first && sale.Date <= last)
        .Sum(sale => sale.Amount);

    public int SalesInvoiceCount(DateOnly first, DateOnly last) => Invoices.Count(invoice => invoice.HasSalesBetween(first, last));

    public int CeiInvoiceCount(DateOnly periodStart, DateOnly asOf)
    {
        var dayBefore = periodStart.AddDays(-1);
        return Invoices.Count(invoice =>
            invoice.OpenAmountAt(dayBefore) > 0m || invoice.OpenAmountAt(asOf) > 0m || invoice.HasSalesBetween(periodStart, asOf));
    }

    public SettlementTotals SettledBetween(DateOnly first, DateOnly asOf)
    {
        var totals = default(SettlementTotals);
        foreach (var invoice in Invoices)
        {
            if (invoice.SettledOn(asOf) is { } settledOn && settledOn >= first)
            {
                totals = totals.Add(invoice.SettlementOn(settledOn), +1);
            }
        }

        return totals;
    }

    public (int Issued, int Queried) IssuedBetween(DateOnly first, DateOnly last, DateOnly asOf)
    {
        var issued = 0;
        var queried = 0;
        foreach (var invoice in Invoices)
        {
            var history = invoice.History;
            if (history.IssueDate < first || history.IssueDate > last || invoice.VoidedOn <= asOf)
            {
                continue;
            }

            issued++;
            queried += history.FirstQueriedOn <= asOf ? 1 : 0;
        }

        return (issued, queried);
    }

    public (int Count, decimal Amount) WrittenOffBetween(DateOnly first, DateOnly last)
    {
        var count = 0;
        var amount = 0m;
        foreach (var invoice in Invoices)
        {
            if (invoice.WrittenOffOn is { } writtenOffOn && writtenOffOn >= first && writtenOffOn <= last && invoice.WrittenOffAmount > 0m)
            {
                count++;
                amount += invoice.WrittenOffAmount;
            }
        }

        return (count, amount);
    }
}
