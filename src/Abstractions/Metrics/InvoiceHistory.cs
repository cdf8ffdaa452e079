namespace TermSync.Metrics;

/// <summary>
/// An invoice with every dated change to it: the input from which receivables metrics are computed for any as-of date.
/// </summary>
/// <param name="IssuedAmount">The invoice total, positive, in <paramref name="Currency"/>.</param>
/// <param name="Entries">Payments, reversals, credit notes, write-off and void, in any order.</param>
/// <param name="FirstQueriedOn">
/// Date of the first customer question or dispute that named the invoice, raised in the portal or recorded by vendor
/// staff. Null when the invoice was never questioned.
/// </param>
[GenerateSerializer, Immutable, Alias("termsync.InvoiceHistory")]
public sealed record InvoiceHistory(
    [property: Id(0)] string VendorId,
    [property: Id(1)] string InvoiceNumber,
    [property: Id(2)] string CustomerId,
    [property: Id(3)] string Currency,
    [property: Id(4)] DateOnly IssueDate,
    [property: Id(5)] DateOnly DueDate,
    [property: Id(6)] decimal IssuedAmount,
    [property: Id(7)] IReadOnlyList<InvoiceEntry> Entries,
    [property: Id(8)] DateOnly? FirstQueriedOn = null);
