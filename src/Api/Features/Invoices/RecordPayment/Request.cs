using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Invoices.RecordPayment;

/// <summary>A payment received for one invoice.</summary>
/// <param name="PaymentReference">The vendor's reference of the payment; sending it again is the same payment.</param>
/// <param name="Amount">Amount received, positive, in the invoice currency; what exceeds the open amount becomes unapplied credit on the account.</param>
/// <param name="PaidOn">Calendar date the payment was received, YYYY-MM-DD.</param>
public sealed record Request(string VendorId, string InvoiceNumber, string? PaymentReference, decimal? Amount, DateOnly? PaidOn) : IInvoiceRoute;
