using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Invoices.RecordPayment;

/// <summary>A payment received for one invoice.</summary>
/// <param name="PaymentId">The vendor's payment id; sending it again is the same payment.</param>
/// <param name="Amount">Amount received, positive, at most the open amount, in the invoice currency.</param>
/// <param name="PaidOn">Calendar date the payment was received, YYYY-MM-DD.</param>
public sealed record Request(string VendorId, string InvoiceNumber, string? PaymentId, decimal? Amount, DateOnly? PaidOn) : IInvoiceRoute;
