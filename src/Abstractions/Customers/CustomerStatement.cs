using TermSync.Money;

namespace TermSync.Customers;

/// <summary>
/// A customer's open invoices across all vendors on an as-of date, grouped by vendor, with totals per
/// currency. The as-of date decides what is past due; the invoices are those open now.
/// </summary>
/// <param name="OldestDueDate">Earliest due date among the open invoices, or null when none is open.</param>
/// <param name="TimeZone">The customer's IANA time zone for digests, or null for UTC.</param>
/// <param name="Language">The customer's preferred language for digests, or null for English.</param>
[GenerateSerializer, Immutable, Alias("termsync.CustomerStatement")]
public sealed record CustomerStatement(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? Email,
    [property: Id(3)] DateOnly AsOf,
    [property: Id(4)] IReadOnlyList<VendorStatement> Vendors,
    [property: Id(5)] IReadOnlyList<CurrencyTotal> Totals,
    [property: Id(6)] DateOnly? OldestDueDate,
    [property: Id(7)] string? TimeZone = null,
    [property: Id(8)] string? Language = null)
{
    /// <summary>Number of open invoices over all vendors.</summary>
    public int OpenCount => Totals.Sum(total => total.OpenCount);
}
