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

/// <summary>Body of POST /vendors/{vendorId}/invoices/{invoiceNumber}/dispute.</summary>
public sealed record DisputeRequest(DateOnly OpenedOn, string Reason, string Message);

/// <summary>Body of POST /vendors/{vendorId}/invoices/{invoiceNumber}/dispute/resolution.</summary>
public sealed record DisputeResolutionRequest(DateOnly ResolvedOn);

/// <summary>Body of POST /digest-cycles.</summary>
public sealed record DigestCycleRequest(DateOnly AsOf);
