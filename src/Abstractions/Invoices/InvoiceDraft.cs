namespace TermSync.Invoices;

/// <summary>An invoice as the vendor sends it, before TermSync adds payments and disputes.</summary>
/// <param name="Amount">Invoice total in <paramref name="Currency"/>, with no more decimals than its minor units.</param>
/// <param name="IssueDate">Calendar date of issue in the vendor's time zone.</param>
/// <param name="DueDate">Calendar date by which the invoice must be paid; on or after the issue date.</param>
[GenerateSerializer, Immutable, Alias("termsync.InvoiceDraft")]
public sealed record InvoiceDraft(
    [property: Id(0)] CustomerReference Customer,
    [property: Id(1)] string Currency,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] DateOnly IssueDate,
    [property: Id(4)] DateOnly DueDate);
