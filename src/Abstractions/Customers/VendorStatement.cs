using TermSync.Money;

namespace TermSync.Customers;

/// <summary>One vendor's part of a customer's statement: its open invoices and their totals per currency.</summary>
[GenerateSerializer, Immutable, Alias("termsync.VendorStatement")]
public sealed record VendorStatement(
    [property: Id(0)] string VendorId,
    [property: Id(1)] string VendorName,
    [property: Id(2)] IReadOnlyList<StatementLine> Invoices,
    [property: Id(3)] IReadOnlyList<CurrencyTotal> Totals);
