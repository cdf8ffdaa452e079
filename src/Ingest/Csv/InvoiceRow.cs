using TermSync.Invoices;

namespace TermSync.Ingest.Csv;

/// <summary>One invoice read from an invoice CSV.</summary>
/// <param name="RowNumber">1-based data row number, as in <see cref="CsvRowError.RowNumber"/>.</param>
/// <param name="CustomerAccount">The customer's account, a valid TermSync customer id.</param>
/// <param name="CustomerEmail">Accounts-payable mailbox of the customer; null when the field is empty.</param>
/// <param name="CustomerTaxId">The customer's tax or VAT id; null when the field is empty.</param>
/// <param name="Amount">Invoice total in <paramref name="Currency"/>, positive, exactly as written.</param>
/// <param name="DueDate">The dueDate field, or the date computed from <paramref name="Terms"/> when the field is empty.</param>
/// <param name="Terms">The terms field when it is filled in; null otherwise.</param>
public sealed record InvoiceRow(
    int RowNumber,
    string InvoiceNumber,
    string CustomerAccount,
    string CustomerName,
    string? CustomerEmail,
    string? CustomerTaxId,
    string Currency,
    decimal Amount,
    DateOnly IssueDate,
    DateOnly DueDate,
    PaymentTerms? Terms);
