using System.Text;
using TermSync.Api.Portal.Exports;
using TermSync.Customers;

namespace TermSync.Api.Tests.Portal.Exports;

public sealed class StatementCsvTests
{
    private const string Header = "Vendor,Vendor ID,Invoice number,Currency,Issue date,Due date,Days past due,Amount,Open amount,Under review,Owed,Status\r\n";

    [Fact]
    public void Csv_lists_every_open_invoice()
    {
        var bytes = StatementCsv.Write(StatementSamples.Small());

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(
            Header +
            "Acme Supplies,acme,INV-100,USD,2025-01-15,2025-02-14,24,1200.00,1200.00,0.00,1200.00,open\r\n" +
            "Acme Supplies,acme,INV-101,USD,2025-02-20,2025-03-22,0,500.00,300.00,100.00,200.00,partiallyPaid\r\n" +
            "\"Kyoto Parts, Ltd.\",kyoto-parts,K-7,JPY,2025-02-01,2025-03-03,7,150000,150000,0,150000,open\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Empty_statement_has_header_only()
    {
        var bytes = StatementCsv.Write(StatementSamples.Statement("Northwind Traders", "en"));

        Assert.Equal(Header, Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Amounts_ignore_statement_language()
    {
        var german = Decode(StatementCsv.Write(StatementSamples.Small(language: "de")));

        Assert.Equal(Decode(StatementCsv.Write(StatementSamples.Small())), german);
    }

    [Fact]
    public void Amounts_take_currency_minor_digits()
    {
        var kuwaiti = DataRows(StatementCsv.Write(Single("KWD", 3.5m))).Single();

        Assert.EndsWith(",3.500,3.500,0.000,3.500,open", kuwaiti, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://attacker.example\",\"Pay\")", "\"'=HYPERLINK(\"\"http://attacker.example\"\",\"\"Pay\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1+2", "'\t=1+2")]
    [InlineData("\r=1+2", "\"'\r=1+2\"")]
    [InlineData("\0=1+2", "'\0=1+2")]
    [InlineData("Acme = Best", "Acme = Best")]
    [InlineData("'quoted", "'quoted")]
    public void Formula_vendor_name_is_neutralized(string vendorName, string expectedCell)
    {
        var statement = StatementSamples.Statement("Northwind Traders", "en", StatementSamples.Vendor("acme", vendorName, Line("INV-1", "USD", 10m)));

        var row = DataRows(StatementCsv.Write(statement)).Single();

        Assert.StartsWith(expectedCell + ",acme,INV-1,USD,", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+49-INV", "'+49-INV")]
    [InlineData("-INV-9", "'-INV-9")]
    [InlineData("@INV", "'@INV")]
    [InlineData("INV=1", "INV=1")]
    public void Formula_invoice_number_is_neutralized(string invoiceNumber, string expectedCell)
    {
        var statement = StatementSamples.Statement("Northwind Traders", "en", StatementSamples.Vendor("acme", "Acme Supplies", Line(invoiceNumber, "USD", 10m)));

        var row = DataRows(StatementCsv.Write(statement)).Single();

        Assert.StartsWith($"Acme Supplies,acme,{expectedCell},USD,", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Quotes_and_line_breaks_are_quoted()
    {
        var statement = StatementSamples.Statement("Northwind Traders", "en", StatementSamples.Vendor("acme", "Acme \"Best\"\nSupplies", Line("INV-1", "USD", 10m)));

        var text = Decode(StatementCsv.Write(statement));

        Assert.Contains("\r\n\"Acme \"\"Best\"\"\nSupplies\",acme,INV-1,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_currency_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => StatementCsv.Write(Single("XXX", 1m)));

        Assert.Contains("'XXX'", error.Message, StringComparison.Ordinal);
    }

    private static StatementLine Line(string invoiceNumber, string currency, decimal amount) =>
        new(invoiceNumber, currency, amount, amount, new(2025, 3, 1), new(2025, 3, 31), 0, Disputed: false);

    private static CustomerStatement Single(string currency, decimal amount) =>
        StatementSamples.Statement("Northwind Traders", "en", StatementSamples.Vendor("acme", "Acme Supplies", Line("INV-1", currency, amount)));

    private static string Decode(byte[] bytes) => Encoding.UTF8.GetString(bytes[3..]);

    private static string[] DataRows(byte[] bytes) =>
        Decode(bytes)[Header.Length..].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
}
