using TermSync.Invoices;

namespace TermSync.Api.Infrastructure;

/// <summary>An invoice as the API returns it.</summary>
/// <param name="Status">"open" while anything is owed, "paid" when the payments cover the amount.</param>
public sealed record InvoiceResponse(
    string VendorId,
    string InvoiceNumber,
    CustomerReference Customer,
    string Currency,
    decimal Amount,
    decimal PaidAmount,
    decimal OpenAmount,
    DateOnly IssueDate,
    DateOnly DueDate,
    bool DisputeOpen,
    string Status,
    int Version)
{
    public static InvoiceResponse From(InvoiceSnapshot invoice) => new(
        invoice.VendorId,
        invoice.InvoiceNumber,
        invoice.Customer,
        invoice.Currency,
        invoice.Amount,
        invoice.PaidAmount,
        invoice.OpenAmount,
        invoice.IssueDate,
        invoice.DueDate,
        invoice.DisputeOpen,
        invoice.IsOpen ? "open" : "paid",
        invoice.Version);
}
