using TermSync.Ingest.Csv;

namespace TermSync.Ingest.Tests.Csv;

public sealed class CreditCsvTests
{
    private const string Header = "creditNoteNumber,invoiceNumber,currency,amount,issueDate\n";

    [Fact]
    public void Credit_rows_are_read()
    {
        var csv = Header + "\"CN 2025/1\",\"INV 2025/1\",JPY,1200,2025-03-15\n";

        var result = CsvDocumentReader.ReadCredits(CsvText.Utf8(csv, byteOrderMark: true));

        Assert.Empty(result.Errors);
        Assert.Equal(new CreditRow(1, "CN 2025/1", "INV 2025/1", "JPY", 1200m, new(2025, 3, 15)), Assert.Single(result.Rows));
    }

    [Fact]
    public void Invalid_credit_rows_are_reported()
    {
        var csv = Header +
            "CN-1,INV-1,JPY,1200.5,2025-03-15\n" +
            "CN-2,,EUR,10,2025-03-15\n" +
            "CN-3,INV-3,EUR,10,2025-03-15\n" +
            "CN-3,INV-4,EUR,10,2025-03-15\n";

        var result = CsvDocumentReader.ReadCredits(CsvText.Utf8(csv));

        Assert.Equal("CN-3", Assert.Single(result.Rows).CreditNoteNumber);
        Assert.Equal(
            [(1, "amount"), (2, "invoiceNumber"), (4, "creditNoteNumber")],
            result.Errors.Select(error => (error.RowNumber, error.Column!)));
    }

    [Fact]
    public void Header_missing_columns_lists_each()
    {
        var result = CsvDocumentReader.ReadCredits(CsvText.Utf8("creditNoteNumber,currency,amount\nCN-1,EUR,10\n"));

        Assert.Empty(result.Rows);
        Assert.Equal(["invoiceNumber", "issueDate"], result.Errors.Select(error => error.Column));
    }
}
