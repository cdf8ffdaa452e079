namespace TermSync.Importer.Api;

/// <summary>Body of POST /vendors.</summary>
public sealed record RegisterVendorRequest(string Id, string Name, string ContactEmail, string TimeZone);

/// <summary>Customer part of an invoice in an invoice batch: the vendor's account number of the customer and its contact.</summary>
public sealed record CustomerRequest(string AccountNumber, string Name, string Email);

/// <summary>One invoice of POST /vendors/{vendorId}/invoices/batch. Dates serialize as "YYYY-MM-DD".</summary>
/// <param name="Amount">Invoice total in <paramref name="Currency"/>, serialized as a JSON number.</param>
public sealed record InvoiceRequest(
    string InvoiceNumber,
    CustomerRequest Customer,
    string Currency,
    decimal Amount,
    DateOnly IssueDate,
    DateOnly DueDate);

/// <summary>Body of POST /vendors/{vendorId}/invoices/batch: 1 to <see cref="TermSyncClient.MaxBatchSize"/> invoices.</summary>
public sealed record InvoiceBatchRequest(IReadOnlyList<InvoiceRequest> Invoices);

/// <summary>Body of POST /vendors/{vendorId}/invoices/{invoiceNumber}/payments.</summary>
/// <param name="PaymentReference">Reference that makes a resent payment a no-op.</param>
/// <param name="Amount">Amount paid in the invoice currency.</param>
/// <param name="PaidOn">Business date of the payment.</param>
public sealed record PaymentRequest(string PaymentReference, decimal Amount, DateOnly PaidOn);

/// <summary>An invoice that a conversation is about.</summary>
/// <param name="DisputedAmount">For a dispute, the part held out of the amount owed; null holds the whole open amount.</param>
public sealed record ConversationInvoiceRequest(string InvoiceNumber, decimal? DisputedAmount = null);

/// <summary>
/// Body of POST /vendors/{vendorId}/conversations: a question or dispute that a customer raised with the vendor's staff.
/// Resending the same body with the same <paramref name="ConversationId"/> changes nothing on the server.
/// </summary>
/// <param name="ConversationId">1 to 64 letters, digits, '.', '_' and '-', starting with a letter or digit.</param>
/// <param name="Kind">"question" or "dispute".</param>
/// <param name="Reason">For a dispute: pricing, quantity, damagedGoods, notReceived, duplicateBilling or other.</param>
/// <param name="AuthorName">The customer's contact who raised it.</param>
/// <param name="RaisedAt">When the customer raised it, which starts the response clock. The server uses its own time when this is later.</param>
public sealed record RecordConversationRequest(
    string ConversationId,
    string Kind,
    IReadOnlyList<ConversationInvoiceRequest> Invoices,
    string? Reason,
    string AuthorName,
    string Text,
    DateTimeOffset RaisedAt);

/// <summary>
/// Body of POST /vendors/{vendorId}/conversations/{conversationId}/resolution. The server stamps the resolution with
/// its own time, because the API accepts no resolution date.
/// </summary>
/// <param name="Outcome">answered, creditIssued, invoiceCorrected or disputeRejected.</param>
/// <param name="Reference">The credit note number for creditIssued, the amended invoice's number for invoiceCorrected, otherwise null.</param>
/// <param name="AuthorName">The vendor's staff member who resolves it.</param>
/// <param name="Text">An optional closing message, added to the thread.</param>
public sealed record ResolveConversationRequest(string Outcome, string? Reference, string AuthorName, string? Text);

/// <summary>Body of POST /digest-cycles.</summary>
public sealed record DigestCycleRequest(DateOnly AsOf);
