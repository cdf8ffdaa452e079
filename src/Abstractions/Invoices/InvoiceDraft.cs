namespace TermSync.Invoices;

/// <summary>An invoice as the vendor sends it, before TermSync adds payments, credits and disputes.</summary>
/// <param name="Customer">The network customer the account is linked to, with the name and mailbox of the digest.</param>
/// <param name="Amount">Invoice total in <paramref name="Currency"/>, with no more decimals than its minor units.</param>
/// <param name="IssueDate">Calendar date of issue in the vendor's time zone.</param>
/// <param name="DueDate">Calendar date by which the invoice must be paid, on or after the issue date; computed from <paramref name="Terms"/> when the vendor sent terms.</param>
/// <param name="AccountNumber">The vendor's own account number of the customer.</param>
/// <param name="Terms">The payment terms the vendor sent, or null when it sent a due date.</param>
[GenerateSerializer, Immutable, Alias("termsync.InvoiceDraft")]
public sealed record InvoiceDraft(
    [property: Id(0)] CustomerReference Customer,
    [property: Id(1)] string Currency,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] DateOnly IssueDate,
    [property: Id(4)] DateOnly DueDate,
    [property: Id(5)] string AccountNumber,
    [property: Id(6)] PaymentTerms? Terms = null);
