namespace TermSync.Grains.Metrics;

/// <summary>Two sources over disjoint sets of invoices of one currency, read as one: every sum and count is the sum of both.</summary>
internal sealed class CombinedSource(IReceivablesSource first, IReceivablesSource second) : IReceivablesSource
{
    public AgingTotals AgingAt(DateOnly asOf) => first.AgingAt(asOf).Add(second.AgingAt(asOf));

    public decimal ArAt(DateOnly date) => first.ArAt(date) + second.ArAt(date);

    public decimal SalesBetween(DateOnly from, DateOnly last) => first.SalesBetween(from, last) + second.SalesBetween(from, last);

    public int SalesInvoiceCount(DateOnly from, DateOnly last) => first.SalesInvoiceCount(from, last) + second.SalesInvoiceCount(from, last);

    public int CeiInvoiceCount(DateOnly periodStart, DateOnly asOf) => first.CeiInvoiceCount(periodStart, asOf) + second.CeiInvoiceCount(periodStart, asOf);

    public SettlementTotals SettledBetween(DateOnly from, DateOnly asOf) => first.SettledBetween(from, asOf).Add(second.SettledBetween(from, asOf), +1);

    public (int Issued, int Queried) IssuedBetween(DateOnly from, DateOnly last, DateOnly asOf)
    {
        var (issued, queried) = first.IssuedBetween(from, last, asOf);
        var (moreIssued, moreQueried) = second.IssuedBetween(from, last, asOf);
        return (issued + moreIssued, queried + moreQueried);
    }

    public (int Count, decimal Amount) WrittenOffBetween(DateOnly from, DateOnly last)
    {
        var (count, amount) = first.WrittenOffBetween(from, last);
        var (moreCount, moreAmount) = second.WrittenOffBetween(from, last);
        return (count + moreCount, amount + moreAmount);
    }
}
