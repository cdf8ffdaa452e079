using TermSync.Customers;

namespace TermSync.Api.Portal.Statements;

/// <summary>
/// The statement as the portal shows it: the invoices the filter keeps, grouped by vendor in name order, with totals per
/// vendor and currency and over all vendors per currency. Amounts under review count apart from what is owed.
/// </summary>
public sealed record StatementPage(
    CustomerStatement Statement,
    StatementFilter Filter,
    IReadOnlyList<StatementGroup> Groups,
    IReadOnlyList<StatementTotal> Totals)
{
    /// <summary>Lines with an amount under review, across vendors, for the page's separate list.</summary>
    public IEnumerable<(VendorStatement Vendor, StatementLine Line)> UnderReview =>
        Groups.SelectMany(group => group.Lines.Where(line => line.DisputedAmount > 0).Select(line => (group.Vendor, line)));

    public static StatementPage Build(CustomerStatement statement, StatementFilter filter)
    {
        var groups = statement.Vendors
            .Where(vendor => filter.VendorId is null || vendor.VendorId == filter.VendorId)
            .Select(vendor => new StatementGroup(vendor, Order(vendor.Invoices.Where(line => Keeps(filter, line)), filter.Sort)))
            .Where(group => group.Lines.Count > 0)
            .OrderBy(group => group.Vendor.VendorName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(group => group.Vendor.VendorId, StringComparer.Ordinal)
            .ToList();
        return new StatementPage(statement, filter, groups, StatementTotal.Of(groups.SelectMany(group => group.Lines)));
    }

    private static bool Keeps(StatementFilter filter, StatementLine line) =>
        (!filter.PastDueOnly || line.PastDue) && (!filter.DisputedOnly || line.Disputed);

    private static List<StatementLine> Order(IEnumerable<StatementLine> lines, StatementSort sort) => sort switch
    {
        StatementSort.DaysPastDue => [.. lines.OrderByDescending(line => line.DaysPastDue).ThenBy(line => line.InvoiceNumber, StringComparer.Ordinal)],
        StatementSort.Owed => [.. lines.OrderByDescending(line => line.OwedAmount).ThenBy(line => line.InvoiceNumber, StringComparer.Ordinal)],
        StatementSort.InvoiceNumber => [.. lines.OrderBy(line => line.InvoiceNumber, StringComparer.Ordinal)],
        _ => [.. lines.OrderBy(line => line.DueDate).ThenBy(line => line.InvoiceNumber, StringComparer.Ordinal)],
    };
}

/// <summary>One vendor's invoices on the page and their totals per currency.</summary>
public sealed record StatementGroup(VendorStatement Vendor, IReadOnlyList<StatementLine> Lines)
{
    public IReadOnlyList<StatementTotal> Totals { get; } = StatementTotal.Of(Lines);
}

/// <summary>Totals of one currency.</summary>
/// <param name="Owed">Open amounts less what disputes hold back.</param>
/// <param name="PastDue">The part of <paramref name="Owed"/> on invoices past due.</param>
/// <param name="UnderReview">What disputes hold back, apart from <paramref name="Owed"/>.</param>
public sealed record StatementTotal(string Currency, decimal Owed, decimal PastDue, decimal UnderReview, int InvoiceCount)
{
    public static IReadOnlyList<StatementTotal> Of(IEnumerable<StatementLine> lines) =>
    [
        .. lines.GroupBy(line => line.Currency, StringComparer.Ordinal)
            .OrderBy(currency => currency.Key, StringComparer.Ordinal)
            .Select(currency => new StatementTotal(
                currency.Key,
                currency.Sum(line => line.OwedAmount),
                currency.Where(line => line.PastDue).Sum(line => line.OwedAmount),
                currency.Sum(line => line.DisputedAmount),
                currency.Count())),
    ];
}
