namespace TermSync.Metrics;

/// <summary>One dated change to an invoice.</summary>
/// <param name="Date">Calendar date of the change in the vendor's reporting time zone.</param>
/// <param name="Amount">
/// Positive amount in the invoice's currency for a payment, payment reversal or credit note. Zero for a write-off or a
/// void, because the amount they take out of receivables follows from the other entries.
/// </param>
[GenerateSerializer, Immutable, Alias("termsync.InvoiceEntry")]
public sealed record InvoiceEntry(
    [property: Id(0)] InvoiceEntryKind Kind,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] decimal Amount);
