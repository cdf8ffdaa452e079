using TermSync.Ingest.Csv;
using TermSync.Invoices;

namespace TermSync.Ingest.Tests.Csv;

public sealed class InvoiceCsvTests
{
    private const string Header = "invoiceNumber,customerAccount,customerName,customerEmail,customerTaxId,currency,amount,issueDate,dueDate,terms\r\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf8_file_is_read_with_or_without_bom(bool byteOrderMark)
    {
        var csv = Header + "INV-1,acme,Acme Société,ap@acme.example,FR123,EUR,1250.50,2025-03-01,2025-03-31,\r\n";

        var result = CsvDocumentReader.ReadInvoices(CsvText.Utf8(csv, byteOrderMark));

        Assert.Empty(result.Errors);
        Assert.Equal(
            new InvoiceRow(1, "INV-1", "acme", "Acme Société", "ap@acme.example", "FR123", "EUR", 1250.50m, new(2025, 3, 1), new(2025, 3, 31), null),
            Assert.Single(result.Rows));
    }

    [Fact]
    public void Quoted_fields_keep_commas_and_line_breaks()
    {
        var csv = Header +
            "\"INV 2025/1\",acme,\"Acme, Inc.\nAccounts Payable\",,,USD,\"1250.50\",2025-03-01,,net 30\n" +
            "INV-2,acme,\"Say \"\"Hi\"\"\",,,USD,10,2025-03-01,2025-03-05,\n";

        var result = CsvDocumentReader.ReadInvoices(CsvText.Utf8(csv));

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal("INV 2025/1", result.Rows[0].InvoiceNumber);
        Assert.Equal("Acme, Inc.\nAccounts Payable", result.Rows[0].CustomerName);
        Assert.Equal(new DateOnly(2025, 3, 31), result.Rows[0].DueDate);
        Assert.Equal(new PaymentTerms(30), result.Rows[0].Terms);
        Assert.Equal(2, result.Rows[1].RowNumber);
        Assert.Equal("Say \"Hi\"", result.Rows[1].CustomerName);
    }

    [Fact]
    public void Mixed_file_reports_each_invalid_row()
    {
        var csv = Header +
            "INV-1,acme,Acme,,,USD,100.00,2025-03-01,2025-03-31,\n" +
            "INV-2,acme,Acme,,,USD,\"1,000.00\",2025-03-01,2025-03-31,\n" +
            "INV-3,acme,Acme,,,USD,100.00,2025-02-30,2025-03-31,\n" +
            "INV-4,acme,Acme,,,XYZ,100.00,2025-03-01,2025-03-31,\n" +
            "INV-5,acme,Acme,,,USD,100.005,2025-03-01,2025-03-31,\n" +
            "INV-6,acme,Acme,,,JPY,1200,2025-03-01,2025-03-31,\n";

        var result = CsvDocumentReader.ReadInvoices(CsvText.Utf8(csv));

        Assert.Equal(["INV-1", "INV-6"], result.Rows.Select(row => row.InvoiceNumber));
        Assert.Equal(1200m, result.Rows[1].Amount);
        Assert.Equal(
            [
                new CsvRowError(2, "amount", "1,000.00", "The amount '1,000.00' is not a number; write the amount with digits and a '.' decimal point, without thousands separators or a currency sign, such as 1250.50."),
                new CsvRowError(3, "issueDate", "2025-02-30", "The issueDate '2025-02-30' is not a calendar date; write it as YYYY-MM-DD, such as 2025-03-31."),
                new CsvRowError(4, "currency", "XYZ", "'XYZ' is not a currency TermSync supports; use an upper-case ISO 4217 code such as USD, EUR or JPY."),
                new CsvRowError(5, "amount", "100.005", "The amount '100.005' has 3 decimals but USD allows 2; round it to 2 decimals in your books before sending, because TermSync never rounds."),
            ],
            result.Errors);
    }

    [Fact]
    public void Header_missing_column_is_one_error()
    {
        var csv = "InvoiceNumber,CUSTOMERACCOUNT,customerName,currency,issueDate,dueDate\nINV-1,acme,Acme,USD,2025-03-01,2025-03-31\n";

        var result = CsvDocumentReader.ReadInvoices(CsvText.Utf8(csv));

        Assert.Empty(result.Rows);
        var error = Assert.Single(result.Errors);
        Assert.Equal(0, error.RowNumber);
        Assert.Equal("amount", error.Column);
        Assert.StartsWith("The header has no 'amount' column; add it.", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_without_due_date_or_terms_is_rejected()
    {
        var csv = "invoiceNumber,customerAccount,customerName,currency,amount,issueDate\nINV-1,acme,Acme,USD,10,2025-03-01\n";

        var error = Assert.Single(CsvDocumentReader.ReadInvoices(CsvText.Utf8(csv)).Errors);

        Assert.Equal(new CsvRowError(0, "dueDate", null, error.Reason), error);
        Assert.StartsWith("The header has none of the columns dueDate, terms", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_match_in_any_order_and_case()
    {
        var csv = "TERMS,Amount,Currency,IssueDate,CustomerName,customeraccount,INVOICENUMBER,notes\n2% 10 net 30,99.99,EUR,2025-03-01,Acme,acme,INV-1,ignored\n";

        var row = Assert.Single(CsvDocumentReader.ReadInvoices(CsvText.Utf8(csv)).Rows);

        Assert.Equal(99.99m, row.Amount);
        Assert.Equal(new DateOnly(2025, 3, 31), row.DueDate);
        Assert.Equal(new PaymentTerms(30, DiscountPercent: 2m, DiscountDays: 10), row.Terms);
        Assert.Null(row.CustomerEmail);
    }

    [Theory]
    [InlineData("2025-03-30,net 30", "dueDate", "does not match the terms 'net 30'")]
    [InlineData(",", "dueDate", "neither a dueDate nor terms")]
    [InlineData(",net thirty", "terms", "are not in a form TermSync reads")]
    [InlineData("2025-02-01,", "dueDate", "is before the issueDate 2025-03-01")]
    public void Due_date_and_terms_are_checked(string dueDateAndTerms, string column, string reason)
    {
        var csv = Header + $"INV-1,acme,Acme,,,USD,10,2025-03-01,{dueDateAndTerms}\n";

        var result = CsvDocumentReader.ReadInvoices(CsvText.Utf8(csv));

        Assert.Empty(result.Rows);
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.RowNumber);
        Assert.Equal(column, error.Column);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Field_values_are_checked()
    {
        var csv = Header + "INV-1,acme corp,Acme,not-an-email,,USD,-5,2025-03-01,2025-03-31,\n";

        var errors = CsvDocumentReader.ReadInvoices(CsvText.Utf8(csv)).Errors;

        Assert.Equal(["customerAccount", "customerEmail", "amount"], errors.Select(error => error.Column));
        Assert.All(errors, error => Assert.Equal(1, error.RowNumber));
    }

    [Fact]
    public void Repeated_invoice_number_is_rejected()
    {
        var csv = Header + "INV-1,acme,Acme,,,USD,10,2025-03-01,2025-03-31,\nINV-1,acme,Acme,,,USD,20,2025-03-01,2025-03-31,\n";

        var result = CsvDocumentReader.ReadInvoices(CsvText.Utf8(csv));

        Assert.Equal(10m, Assert.Single(result.Rows).Amount);
        Assert.Equal(new CsvRowError(2, "invoiceNumber", "INV-1", "The invoiceNumber 'INV-1' is also on row 1; send each invoice once per file."), Assert.Single(result.Errors));
    }

    [Fact]
    public void Row_with_unquoted_comma_is_rejected()
    {
        var csv = Header + "INV-1,acme,Acme, Inc.,,,USD,10,2025-03-01,2025-03-31,\n";

        var error = Assert.Single(CsvDocumentReader.ReadInvoices(CsvText.Utf8(csv)).Errors);

        Assert.Equal(new CsvRowError(1, null, null, "The row has 11 fields but the header has 10; put fields that contain commas in double quotes."), error);
    }

    [Fact]
    public void Row_with_stray_quote_is_rejected()
    {
        var csv = Header + "INV-1,acme,Acme 12\" Pipes,,,USD,10,2025-03-01,2025-03-31,\nINV-2,acme,Acme,,,USD,10,2025-03-01,2025-03-31,\n";

        var result = CsvDocumentReader.ReadInvoices(CsvText.Utf8(csv));

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.RowNumber);
        Assert.Contains("double quote inside the field", error.Reason, StringComparison.Ordinal);
        Assert.Equal("INV-2", Assert.Single(result.Rows).InvoiceNumber);
    }

    [Fact]
    public void Blank_lines_are_not_counted()
    {
        var csv = Header + "\nINV-1,acme,Acme,,,USD,10,2025-03-01,2025-03-31,\n\nINV-2,acme,Acme,,,USD,x,2025-03-01,2025-03-31,\n";

        var error = Assert.Single(CsvDocumentReader.ReadInvoices(CsvText.Utf8(csv)).Errors);

        Assert.Equal(2, error.RowNumber);
    }

    [Fact]
    public void Non_utf8_file_is_rejected()
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes(Header + "INV-1,acme,Acme Société,,,USD,10,2025-03-01,2025-03-31,\n");

        var result = CsvDocumentReader.ReadInvoices(new MemoryStream(bytes));

        Assert.Empty(result.Rows);
        var error = Assert.Single(result.Errors);
        Assert.Contains("not valid UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_rejected()
    {
        var error = Assert.Single(CsvDocumentReader.ReadInvoices(CsvText.Utf8("")).Errors);

        Assert.Equal(0, error.RowNumber);
        Assert.StartsWith("The file is empty", error.Reason, StringComparison.Ordinal);
    }
}
