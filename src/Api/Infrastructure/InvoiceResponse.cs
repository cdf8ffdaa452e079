using TermSync.Invoices;

namespace TermSync.Api.Infrastructure;

/// <summary>An invoice as the API returns it; <see cref="Version"/> is also its ETag.</summary>
/// <param name="CustomerId">The network customer the invoice's account is linked to.</param>
/// <param name="OpenAmount">The amount less payments, credits and write-off; 0 once void.</param>
/// <param name="Status">Derived from the amounts: open, partiallyPaid, paid, credited, writtenOff or void.</param>
/// <param name="PaymentNotice">The customer's latest notice that it paid or will pay; null without one.</param>
public sealed record InvoiceResponse(
    string VendorId,
    string InvoiceNumber,
    string AccountNumber,
    string CustomerId,
    string CustomerName,
    string? CustomerEmail,
    string Currency,
    decimal Amount,
    decimal PaidAmount,
    decimal CreditedAmount,
    decimal WrittenOffAmount,
    decimal OpenAmount,
    DateOnly IssueDate,
    DateOnly DueDate,
    PaymentTerms? Terms,
    bool DisputeOpen,
    InvoiceStatus Status,
    int Version,
    PaymentNotice? PaymentNotice)
{
    public static InvoiceResponse From(InvoiceSnapshot invoice) => new(
        invoice.VendorId,
        invoice.InvoiceNumber,
        invoice.AccountNumber,
        invoice.Customer.Id,
        invoice.Customer.Name,
        invoice.Customer.Email,
        invoice.Currency,
        invoice.Amount,
        invoice.PaidAmount,
        invoice.CreditedAmount,
        invoice.WrittenOffAmount,
        invoice.OpenAmount,
        invoice.IssueDate,
        invoice.DueDate,
        invoice.Terms,
        invoice.DisputeOpen,
        invoice.Status,
        invoice.Version,
        invoice.PaymentNotice);
}
