namespace TermSync.Ingest.Csv;

/// <summary>
/// Reads invoices, payments and credit notes from CSV files. A file is UTF-8, with or without a byte order
/// mark, and comma-separated as in RFC 4180, so a field in double quotes may contain commas and line breaks.
/// It starts with a header row whose column names match case-insensitively and in any order. Unknown columns
/// are ignored. Amounts use a '.' decimal point, are positive and are never rounded: a value with more decimals
/// than its currency allows is rejected. Dates are YYYY-MM-DD. Every method reads all rows, returns the valid
/// ones and reports each invalid field with its row, column, value and reason. The stream stays open.
/// </summary>
public static class CsvDocumentReader
{
    /// <summary>
    /// Reads an invoice CSV with the columns invoiceNumber, customerAccount, customerName, currency, amount,
    /// issueDate, and optionally customerEmail, customerTaxId, dueDate and terms. Each row needs a dueDate or
    /// terms in a form <see cref="PaymentTermsParser"/> reads, and when it has both they must give the same date.
    /// A row that repeats an earlier row's invoiceNumber is rejected.
    /// </summary>
    public static CsvReadResult<InvoiceRow> ReadInvoices(Stream csv) =>
        InvoiceCsv.RejectRepeatedNumbers(CsvTable.Read(csv, InvoiceCsv.Layout, InvoiceCsv.Parse));

    /// <summary>
    /// Reads a payment CSV with the columns paymentReference, customerAccount, currency, amount, receivedOn,
    /// and optionally invoiceNumber, the invoice the amount is allocated to. A payment spread over several
    /// invoices is several rows with the same paymentReference, customerAccount, currency and receivedOn, each
    /// with its own invoiceNumber and amount. When any row of a payment is rejected, its other rows are rejected
    /// too, so a payment is read whole or not at all.
    /// </summary>
    public static CsvReadResult<PaymentRow> ReadPayments(Stream csv)
    {
        var references = new Dictionary<int, string>();
        var result = CsvTable.Read(csv, PaymentCsv.Layout, fields => PaymentCsv.Parse(fields, references));
        return PaymentCsv.RejectIncompletePayments(PaymentCsv.CheckRemittances(result), references);
    }

    /// <summary>
    /// Reads a credit CSV with the columns creditNoteNumber, invoiceNumber, currency, amount and issueDate.
    /// A row that repeats an earlier row's creditNoteNumber is rejected.
    /// </summary>
    public static CsvReadResult<CreditRow> ReadCredits(Stream csv) =>
        CreditCsv.RejectRepeatedNumbers(CsvTable.Read(csv, CreditCsv.Layout, CreditCsv.Parse));
}
