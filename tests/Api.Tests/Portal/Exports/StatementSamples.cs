using TermSync.Customers;
using TermSync.Invoices;
using TermSync.Money;

namespace TermSync.Api.Tests.Portal.Exports;

/// <summary>Statements built in memory for the export tests, with totals computed the way the customer grain computes them.</summary>
internal static class StatementSamples
{
    public static readonly DateOnly AsOf = new(2025, 3, 10);

    /// <summary>
    /// Two vendors and two currencies: Acme bills INV-100 (past due) and INV-101 (partly paid, 100.00 USD disputed)
    /// in USD, and "Kyoto Parts, Ltd." bills K-7 (past due) in JPY.
    /// </summary>
    public static CustomerStatement Small(string? language = "en") => Statement(
        "Northwind Traders",
        language,
        Vendor("acme", "Acme Supplies",
            new StatementLine("INV-100", "USD", 1200.00m, 1200.00m, new(2025, 1, 15), new(2025, 2, 14), 24, Disputed: false),
            new StatementLine("INV-101", "USD", 500.00m, 300.00m, new(2025, 2, 20), new(2025, 3, 22), 0, Disputed: true, InvoiceStatus.PartiallyPaid, 100.00m)),
        Vendor("kyoto-parts", "Kyoto Parts, Ltd.",
            new StatementLine("K-7", "JPY", 150000m, 150000m, new(2025, 2, 1), new(2025, 3, 3), 7, Disputed: false)));

    /// <summary>One vendor with <paramref name="count"/> USD invoices numbered LONG-0001 upwards, each of 10.00 USD.</summary>
    public static CustomerStatement Long(int count) => Statement(
        "Contoso Retail",
        "en",
        Vendor("bulk", "Bulk Office Goods",
            [.. Enumerable.Range(1, count).Select(index => new StatementLine(
                $"LONG-{index:D4}", "USD", 10.00m, 10.00m, new(2025, 1, 1), new(2025, 1, 31), 38, Disputed: false))]));

    public static CustomerStatement Statement(string? name, string? language, params VendorStatement[] vendors)
    {
        var totals = CurrencyTotal.Combine(vendors.SelectMany(vendor => vendor.Totals));
        var dueDates = vendors.SelectMany(vendor => vendor.Invoices).Select(line => line.DueDate).ToList();
        return new CustomerStatement("cus-northwind", name, "ap@northwind.example", AsOf, vendors, totals, dueDates.Count == 0 ? null : dueDates.Min(), Language: language);
    }

    public static VendorStatement Vendor(string vendorId, string vendorName, params StatementLine[] lines)
    {
        var totals = lines
            .GroupBy(line => line.Currency, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new CurrencyTotal(
                group.Key,
                group.Count(),
                group.Sum(line => line.OpenAmount),
                group.Where(line => line.PastDue).Sum(line => line.OwedAmount),
                group.Sum(line => line.DisputedAmount)))
            .ToList();
        return new VendorStatement(vendorId, vendorName, lines, totals);
    }
}
