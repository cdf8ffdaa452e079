namespace TermSync.Invoices;

/// <summary>
/// The full state of one invoice after a change. Invoice grains send it to the customer and vendor aggregates,
/// which keep the newest <see cref="Version"/> of each invoice and ignore older ones.
/// </summary>
/// <param name="Version">Starts at 1 and grows by one with every stored change; the API's ETag.</param>
/// <param name="PaidAmount">Sum of the payments applied and not reversed.</param>
/// <param name="CreditedAmount">Sum of the credit notes applied.</param>
/// <param name="WrittenOffAmount">The remainder written off, or 0.</param>
/// <param name="DisputedAmount">The part of the open amount an open dispute holds out of the amount owed; 0 without one.</param>
/// <param name="DisputeConversationId">The conversation of the open dispute, or null without one.</param>
/// <param name="PaymentNotice">The customer's latest notice that it paid or will pay, or null without one.</param>
[GenerateSerializer, Immutable, Alias("termsync.InvoiceSnapshot")]
public sealed record InvoiceSnapshot(
    [property: Id(0)] string VendorId,
    [property: Id(1)] string InvoiceNumber,
    [property: Id(2)] CustomerReference Customer,
    [property: Id(3)] string Currency,
    [property: Id(4)] decimal Amount,
    [property: Id(5)] decimal PaidAmount,
    [property: Id(6)] DateOnly IssueDate,
    [property: Id(7)] DateOnly DueDate,
    [property: Id(8)] bool DisputeOpen,
    [property: Id(9)] int Version,
    [property: Id(10)] string AccountNumber = "",
    [property: Id(11)] decimal CreditedAmount = 0m,
    [property: Id(12)] decimal WrittenOffAmount = 0m,
    [property: Id(13)] bool Voided = false,
    [property: Id(14)] PaymentTerms? Terms = null,
    [property: Id(15)] decimal DisputedAmount = 0m,
    [property: Id(16)] string? DisputeConversationId = null,
    [property: Id(17)] PaymentNotice? PaymentNotice = null)
{
    /// <summary>What is still owed: the amount less payments, credits and write-off; 0 once void.</summary>
    public decimal OpenAmount => Voided ? 0m : Amount - PaidAmount - CreditedAmount - WrittenOffAmount;

    /// <summary>What is owed and not held back by a dispute.</summary>
    public decimal OwedAmount => OpenAmount - DisputedAmount;

    /// <summary>Whether anything is still owed.</summary>
    public bool IsOpen => OpenAmount > 0;

    /// <summary>The status derived from the amounts.</summary>
    public InvoiceStatus Status => this switch
    {
        { Voided: true } => InvoiceStatus.Void,
        { IsOpen: true } => PaidAmount > 0 || CreditedAmount > 0 ? InvoiceStatus.PartiallyPaid : InvoiceStatus.Open,
        { WrittenOffAmount: > 0 } => InvoiceStatus.WrittenOff,
        { PaidAmount: > 0 } => InvoiceStatus.Paid,
        _ => InvoiceStatus.Credited,
    };

    /// <summary>Whether the invoice is open and its due date is before <paramref name="asOf"/>.</summary>
    public bool IsPastDue(DateOnly asOf) => IsOpen && DueDate < asOf;
}
