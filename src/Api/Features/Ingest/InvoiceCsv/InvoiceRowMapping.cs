using TermSync.Api.Features.Invoices;
using TermSync.Ingest.Csv;

namespace TermSync.Api.Features.Ingest.InvoiceCsv;

/// <summary>Turns invoice CSV rows into the batch issuer's input, and the issuer's field paths back into CSV columns.</summary>
public static class InvoiceRowMapping
{
    public static InvoiceInput ToInput(InvoiceRow row) => new()
    {
        InvoiceNumber = row.InvoiceNumber,
        Customer = new CustomerInput
        {
            AccountNumber = row.CustomerAccount,
            Name = row.CustomerName,
            Email = row.CustomerEmail,
            TaxId = row.CustomerTaxId,
        },
        Currency = row.Currency,
        Amount = row.Amount,
        IssueDate = row.IssueDate,
        DueDate = row.DueDate,
        Terms = row.Terms is { } terms
            ? new TermsInput { NetDays = terms.NetDays, EndOfMonth = terms.EndOfMonth, DiscountPercent = terms.DiscountPercent, DiscountDays = terms.DiscountDays }
            : null,
    };

    /// <summary>Returns the CSV column of an <see cref="InvoiceInputError.Field"/>, or null for the invoice as a whole.</summary>
    public static string? ColumnOf(string field) => field switch
    {
        "customer.accountNumber" => "customerAccount",
        "customer.name" => "customerName",
        "customer.email" => "customerEmail",
        "customer.taxId" => "customerTaxId",
        "invoiceNumber" or "currency" or "amount" or "issueDate" or "dueDate" => field,
        _ when field.StartsWith("terms", StringComparison.Ordinal) => "terms",
        _ => null,
    };
}
