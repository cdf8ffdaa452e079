namespace TermSync.Invoices;

/// <summary>
/// The source of truth for one invoice, keyed by <see cref="InvoiceKey"/>. Every change is stored before the call
/// returns and is then applied to the customer and vendor aggregates, so when a call succeeds, all three
/// are durable. Every command is idempotent: payments and credits by their reference, the rest by their effect.
/// </summary>
[Alias("termsync.IInvoiceGrain")]
public interface IInvoiceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Issues the invoice, or amends it when the number was issued before. Sending the same draft again changes nothing.
    /// The amount may not fall below what was paid, credited and written off. With <paramref name="expectedVersion"/>,
    /// an amendment applies only to that version.
    /// </summary>
    [Alias("Issue")]
    Task<InvoiceCommandResult> IssueAsync(InvoiceDraft draft, int? expectedVersion = null);

    /// <summary>
    /// Applies up to <paramref name="requestedAmount"/> of a payment and returns the part applied, which is at most
    /// the open amount. The same reference is applied once; repeating it returns the part applied the first time.
    /// </summary>
    [Alias("ApplyPayment")]
    Task<InvoiceCommandResult> ApplyPaymentAsync(string paymentReference, decimal requestedAmount, DateOnly receivedOn);

    /// <summary>Reverses a payment (a bounced payment), which reopens what it paid; reversing it again changes nothing.</summary>
    [Alias("ReversePayment")]
    Task<InvoiceCommandResult> ReversePaymentAsync(string paymentReference, DateOnly reversedOn);

    /// <summary>
    /// Applies a credit note. A credit above the creditable amount (the open amount) is a conflict whose message gives
    /// the remaining creditable amount. The same credit note number is applied once.
    /// </summary>
    [Alias("ApplyCredit")]
    Task<InvoiceCommandResult> ApplyCreditAsync(string creditNoteNumber, decimal amount, DateOnly issueDate);

    /// <summary>Voids the invoice; only possible while nothing is paid or credited.</summary>
    [Alias("Void")]
    Task<InvoiceCommandResult> VoidAsync(DateOnly voidedOn);

    /// <summary>Writes off the open remainder, which leaves receivables as a write-off rather than a payment.</summary>
    [Alias("WriteOff")]
    Task<InvoiceCommandResult> WriteOffAsync(DateOnly writtenOffOn);

    /// <summary>
    /// Holds the invoice, or <paramref name="disputedAmount"/> of it, out of the amount owed for the dispute
    /// <paramref name="conversationId"/>. Holding it again for the same conversation changes nothing; a hold for another
    /// conversation while one is open is a conflict. A null amount, or one at least the open amount, holds all of it.
    /// </summary>
    [Alias("OpenDispute")]
    Task<InvoiceCommandResult> OpenDisputeAsync(string conversationId, DateOnly openedOn, string reason, decimal? disputedAmount);

    /// <summary>Releases the hold of the dispute <paramref name="conversationId"/>; releasing it again, or a hold never made, changes nothing.</summary>
    [Alias("ResolveDispute")]
    Task<InvoiceCommandResult> ResolveDisputeAsync(string conversationId, DateOnly resolvedOn);

    /// <summary>
    /// Bills the invoice to another network customer after its account <paramref name="accountNumber"/> was relinked.
    /// Moving it to the same customer changes nothing, and so does a move of an invoice that is now on another account.
    /// </summary>
    [Alias("MoveToCustomer")]
    Task<InvoiceCommandResult> MoveToCustomerAsync(string accountNumber, CustomerReference customer);

    /// <summary>
    /// Stores the customer's notice that it paid the invoice or will pay it on a date, replacing any earlier notice.
    /// An invoice not billed to <paramref name="customerId"/> is not found, and one with nothing open is a conflict.
    /// A paid date must lie between the issue date and the vendor's current date, and a promised date between the
    /// vendor's current date and <see cref="PaymentNotice.MaxPromiseDays"/> days later; other dates are invalid.
    /// The same kind, date and method again changes nothing. The grain sets <see cref="PaymentNotice.RecordedAt"/>.
    /// </summary>
    [Alias("RecordPaymentNotice")]
    Task<InvoiceCommandResult> RecordPaymentNoticeAsync(string customerId, PaymentNotice notice);

    /// <summary>Returns the invoice, or null when it was never issued.</summary>
    [Alias("Get")]
    Task<InvoiceSnapshot?> GetAsync();
}
