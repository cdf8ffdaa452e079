using TermSync.Invoices;

namespace TermSync.Ingest.Csv;

/// <summary>The invoice CSV: its columns and how one row becomes an <see cref="InvoiceRow"/>.</summary>
internal static class InvoiceCsv
{
    public static readonly CsvLayout Layout = new(
        Required: ["invoiceNumber", "customerAccount", "customerName", "currency", "amount", "issueDate"],
        Optional: ["customerEmail", "customerTaxId", "dueDate", "terms"],
        AtLeastOneOf: ["dueDate", "terms"]);

    public static InvoiceRow? Parse(CsvRowFields fields)
    {
        var invoiceNumber = fields.Number("invoiceNumber");
        var customerAccount = fields.CustomerAccount("customerAccount");
        var customerName = fields.Name("customerName");
        var customerEmail = fields.Email("customerEmail");
        var customerTaxId = fields.Optional("customerTaxId");
        var currency = fields.Currency("currency");
        var amount = fields.Amount("amount", currency);
        var issueDate = fields.Date("issueDate");
        var (dueDate, terms) = DueDate(fields, issueDate);

        if (fields.HasErrors)
        {
            return null;
        }

        return new InvoiceRow(
            fields.RowNumber, invoiceNumber!, customerAccount!, customerName!, customerEmail, customerTaxId,
            currency!, amount!.Value, issueDate!.Value, dueDate!.Value, terms);
    }

    /// <summary>Rejects every row that repeats the invoice number of an earlier row.</summary>
    public static CsvReadResult<InvoiceRow> RejectRepeatedNumbers(CsvReadResult<InvoiceRow> result)
    {
        var errors = result.Errors.ToList();
        var firstRows = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<InvoiceRow>();
        foreach (var row in result.Rows)
        {
            if (firstRows.TryAdd(row.InvoiceNumber, row.RowNumber))
            {
                rows.Add(row);
                continue;
            }

            errors.Add(new CsvRowError(row.RowNumber, "invoiceNumber", row.InvoiceNumber,
                $"The invoiceNumber '{row.InvoiceNumber}' is also on row {firstRows[row.InvoiceNumber]}; send each invoice once per file."));
        }

        return new CsvReadResult<InvoiceRow>(rows, errors.OrderBy(error => error.RowNumber).ToList());
    }

    private static (DateOnly? DueDate, PaymentTerms? Terms) DueDate(CsvRowFields fields, DateOnly? issueDate)
    {
        var dueDate = fields.Date("dueDate", required: false);
        var termsText = fields.Optional("terms");
        PaymentTerms? terms = null;
        if (termsText is not null && !PaymentTermsParser.TryParse(termsText, out terms))
        {
            fields.Reject("terms", termsText, $"The terms '{termsText}' are not in a form TermSync reads; write them as {PaymentTermsParser.Examples}, or fill in dueDate instead.");
            return (null, null);
        }

        if (dueDate is null && terms is null)
        {
            if (fields.Optional("dueDate") is null)
            {
                fields.Reject("dueDate", null, "The row has neither a dueDate nor terms; fill in one of them.");
            }

            return (null, null);
        }

        if (issueDate is not { } issued)
        {
            return (null, terms);
        }

        var termsDueDate = terms?.DueDate(issued);
        if (dueDate is { } stated && termsDueDate is { } computed && stated != computed)
        {
            fields.Reject("dueDate", fields.Optional("dueDate"),
                $"The dueDate {stated:yyyy-MM-dd} does not match the terms '{termsText}', which make the invoice due on {computed:yyyy-MM-dd}; correct one of them or leave one empty.");
            return (null, terms);
        }

        var due = dueDate ?? termsDueDate!.Value;
        if (due < issued)
        {
            fields.Reject("dueDate", fields.Optional("dueDate"), $"The dueDate {due:yyyy-MM-dd} is before the issueDate {issued:yyyy-MM-dd}; use a due date on or after it.");
            return (null, terms);
        }

        return (due, terms);
    }
}
