using TermSync.Invoices;

namespace TermSync.Customers;

/// <summary>One open invoice on a customer's statement.</summary>
/// <param name="OpenAmount">What is still owed: the invoice amount less payments, credits and write-off.</param>
/// <param name="DaysPastDue">Days from the due date to the as-of date; 0 when not yet due.</param>
/// <param name="Disputed">Whether an open dispute holds the invoice, or part of it, out of the amount owed.</param>
/// <param name="DisputedAmount">The part of <paramref name="OpenAmount"/> the dispute holds back.</param>
/// <param name="PaymentNotice">The customer's latest notice that it paid or will pay, or null without one.</param>
/// <param name="AccountNumber">The vendor's account number of the customer, for the vendor's payment page.</param>
[GenerateSerializer, Immutable, Alias("termsync.StatementLine")]
public sealed record StatementLine(
    [property: Id(0)] string InvoiceNumber,
    [property: Id(1)] string Currency,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] decimal OpenAmount,
    [property: Id(4)] DateOnly IssueDate,
    [property: Id(5)] DateOnly DueDate,
    [property: Id(6)] int DaysPastDue,
    [property: Id(7)] bool Disputed,
    [property: Id(8)] InvoiceStatus Status = InvoiceStatus.Open,
    [property: Id(9)] decimal DisputedAmount = 0m,
    [property: Id(10)] PaymentNotice? PaymentNotice = null,
    [property: Id(11)] string AccountNumber = "")
{
    /// <summary>What is owed and not held back by a dispute.</summary>
    public decimal OwedAmount => OpenAmount - DisputedAmount;

    /// <summary>Whether the invoice was due before the as-of date and is still open.</summary>
    public bool PastDue => DaysPastDue > 0;
}
