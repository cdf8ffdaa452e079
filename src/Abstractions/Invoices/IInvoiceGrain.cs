namespace TermSync.Invoices;

/// <summary>
/// The source of truth for one invoice, keyed by <see cref="InvoiceKey"/>. Every change is stored
/// before the call returns and is then applied to the customer's aggregate, so a caller that sees
/// success knows both are durable. Every command is idempotent.
/// </summary>
[Alias("termsync.IInvoiceGrain")]
public interface IInvoiceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Issues the invoice, or updates it when the number was issued before. Sending the same draft again
    /// changes nothing. The amount may not fall below what was already paid.
    /// </summary>
    [Alias("Issue")]
    Task<InvoiceCommandResult> IssueAsync(InvoiceDraft draft);

    /// <summary>
    /// Applies a payment. A repeated payment id with the same amount and date changes nothing; with other
    /// values it is a conflict. A payment above the open amount is a conflict.
    /// </summary>
    [Alias("RecordPayment")]
    Task<InvoiceCommandResult> RecordPaymentAsync(PaymentRecord payment);

    /// <summary>Opens a dispute; an invoice that already has an open dispute is left unchanged.</summary>
    [Alias("OpenDispute")]
    Task<InvoiceCommandResult> OpenDisputeAsync(DateOnly openedOn, string reason, string? message);

    /// <summary>Resolves the open dispute; an invoice with no open dispute is left unchanged.</summary>
    [Alias("ResolveDispute")]
    Task<InvoiceCommandResult> ResolveDisputeAsync(DateOnly resolvedOn);

    /// <summary>Returns the invoice, or null when it was never issued.</summary>
    [Alias("Get")]
    Task<InvoiceSnapshot?> GetAsync();
}
