using TermSync.Ingest.Csv;

namespace TermSync.Ingest.Tests.Csv;

public sealed class PaymentCsvTests
{
    private const string Header = "paymentReference,customerAccount,currency,amount,receivedOn,invoiceNumber\n";

    [Fact]
    public void Remittance_over_several_invoices_is_read()
    {
        var csv = Header +
            "PAY-1,acme,EUR,100.00,2025-03-10,INV-1\n" +
            "PAY-1,acme,EUR,50.25,2025-03-10,\"INV 2025/2\"\n" +
            "PAY-2,acme,EUR,75,2025-03-11,\n";

        var result = CsvDocumentReader.ReadPayments(CsvText.Utf8(csv));

        Assert.Empty(result.Errors);
        Assert.Equal(
            [
                new PaymentRow(1, "PAY-1", "acme", "EUR", 100.00m, new(2025, 3, 10), "INV-1"),
                new PaymentRow(2, "PAY-1", "acme", "EUR", 50.25m, new(2025, 3, 10), "INV 2025/2"),
                new PaymentRow(3, "PAY-2", "acme", "EUR", 75m, new(2025, 3, 11), null),
            ],
            result.Rows);
    }

    [Fact]
    public void Invoice_number_column_is_optional()
    {
        var csv = "paymentReference,customerAccount,currency,amount,receivedOn\nPAY-1,acme,KWD,10.125,2025-03-10\n";

        var row = Assert.Single(CsvDocumentReader.ReadPayments(CsvText.Utf8(csv)).Rows);

        Assert.Equal(10.125m, row.Amount);
        Assert.Null(row.InvoiceNumber);
    }

    [Fact]
    public void Inconsistent_remittance_rows_are_rejected()
    {
        var csv = Header +
            "PAY-1,acme,EUR,100.00,2025-03-10,INV-1\n" +
            "PAY-1,acme,EUR,10.00,2025-03-10,INV-1\n" +
            "PAY-1,other,EUR,10.00,2025-03-10,INV-2\n" +
            "PAY-1,acme,USD,10.00,2025-03-10,INV-3\n" +
            "PAY-1,acme,EUR,10.00,2025-03-11,INV-4\n" +
            "PAY-1,acme,EUR,10.00,2025-03-10,\n" +
            "PAY-1,acme,EUR,10.00,2025-03-10,INV-5\n";

        var result = CsvDocumentReader.ReadPayments(CsvText.Utf8(csv));

        Assert.Empty(result.Rows);
        Assert.Equal(
            [(1, "paymentReference"), (2, "invoiceNumber"), (3, "customerAccount"), (4, "currency"), (5, "receivedOn"), (6, "invoiceNumber"), (7, "paymentReference")],
            result.Errors.Select(error => (error.RowNumber, error.Column!)));
    }

    [Fact]
    public void Payment_with_rejected_row_is_rejected_whole()
    {
        var csv = Header +
            "PAY-1,acme,EUR,100.00,2025-03-10,INV-1\n" +
            "PAY-2,acme,EUR,20.00,2025-03-10,INV-9\n" +
            "PAY-1,acme,EUR,1.005,2025-03-10,INV-2\n" +
            "PAY-1,acme,EUR,30.00,2025-03-10,INV-3\n";

        var result = CsvDocumentReader.ReadPayments(CsvText.Utf8(csv));

        Assert.Equal([2], result.Rows.Select(row => row.RowNumber));
        Assert.Equal(
            [(1, "paymentReference", "PAY-1"), (3, "amount", "1.005"), (4, "paymentReference", "PAY-1")],
            result.Errors.Select(error => (error.RowNumber, error.Column!, error.Value!)));
        Assert.Equal(
            "The payment 'PAY-1' is not recorded, because row 3 is rejected and TermSync records a payment whole; correct the rejected rows and send every row of the payment again.",
            result.Errors[0].Reason);
    }

    [Fact]
    public void Invalid_payment_fields_are_reported()
    {
        var csv = Header + ",acme,EUR,0,10.03.2025,\n";

        var errors = CsvDocumentReader.ReadPayments(CsvText.Utf8(csv)).Errors;

        Assert.Equal(
            [
                new CsvRowError(1, "paymentReference", null, "The paymentReference is missing; fill in the field."),
                new CsvRowError(1, "amount", "0", "The amount '0' must be greater than zero."),
                new CsvRowError(1, "receivedOn", "10.03.2025", "The receivedOn '10.03.2025' is not a calendar date; write it as YYYY-MM-DD, such as 2025-03-31."),
            ],
            errors);
    }
}
