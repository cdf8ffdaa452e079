using System.Globalization;
using TermSync.Importer.Ledger;

namespace TermSync.Importer.Tests.Ledger;

public sealed class LedgerReaderTests
{
    private const string Header =
        "countryCode,customerID,PaperlessDate,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,Disputed,SettledDate,PaperlessBill,DaysToSettle,DaysLate";

    [Fact]
    public void Reader_reads_every_row_of_the_real_ledger()
    {
        var rows = LedgerReader.Read(LedgerFileLocator.Locate());

        Assert.Equal(2466, rows.Count);
        Assert.Equal(2466, rows.Select(row => row.InvoiceNumber).Distinct().Count());
        Assert.Equal(100, rows.Select(row => row.CustomerId).Distinct().Count());
        Assert.Equal(["391", "406", "770", "818", "897"], rows.Select(row => row.CountryCode).Distinct().Order());
    }

    [Fact]
    public void Reader_keeps_leading_zeros_and_parses_dates()
    {
        var first = LedgerReader.Read(LedgerFileLocator.Locate())[0];

        Assert.Equal(2, first.LineNumber);
        Assert.Equal("391", first.CountryCode);
        Assert.Equal("0379-NEVHP", first.CustomerId);
        Assert.Equal("0000611365", first.InvoiceNumber);
        Assert.Equal(new DateOnly(2013, 4, 6), first.PaperlessDate);
        Assert.Equal(new DateOnly(2013, 1, 2), first.InvoiceDate);
        Assert.Equal(new DateOnly(2013, 2, 1), first.DueDate);
        Assert.Equal(new DateOnly(2013, 1, 15), first.SettledDate);
        Assert.Equal(55.94m, first.InvoiceAmount);
        Assert.False(first.Disputed);
        Assert.Equal(BillDelivery.Paper, first.PaperlessBill);
        Assert.Equal(13, first.DaysToSettle);
        Assert.Equal(0, first.DaysLate);
    }

    [Fact]
    public void Reader_amounts_are_exact_decimals()
    {
        var path = LedgerFileLocator.Locate();
        var rows = LedgerReader.Read(path);

        // The same total computed a second way: integer cents summed from the raw text of the column.
        var amountColumn = Array.IndexOf(File.ReadLines(path).First().TrimStart('\uFEFF').Split(','), "InvoiceAmount");
        var totalCents = File.ReadLines(path).Skip(1).Select(line => ParseCents(line.Split(',')[amountColumn])).Sum();

        Assert.Equal(147703.18m, rows.Sum(row => row.InvoiceAmount));
        Assert.Equal(totalCents, (long)(rows.Sum(row => row.InvoiceAmount) * 100));
        Assert.All(rows, row => Assert.True(row.InvoiceAmount.Scale <= 2, $"Line {row.LineNumber} has amount {row.InvoiceAmount}."));
    }

    [Fact]
    public void Reader_matches_stated_days_to_settle()
    {
        var rows = LedgerReader.Read(LedgerFileLocator.Locate());

        Assert.All(rows, row => Assert.Equal(row.DaysToSettle, row.SettledDate.DayNumber - row.InvoiceDate.DayNumber));
        Assert.All(rows, row => Assert.Equal(row.DaysLate, Math.Max(0, row.SettledDate.DayNumber - row.DueDate.DayNumber)));
    }

    [Fact]
    public void Reader_accepts_columns_in_any_order()
    {
        var csv = """
            invoiceNumber,countryCode,customerID,PaperlessDate,InvoiceDate,DueDate,InvoiceAmount,Disputed,SettledDate,PaperlessBill,DaysToSettle,DaysLate
            007,391,A-1,1/1/2013,12/31/2012,1/30/2013,94,Yes,2/2/2013,Electronic,33,3
            """;

        var row = Assert.Single(LedgerReader.Read(new StringReader(csv)));

        Assert.Equal("007", row.InvoiceNumber);
        Assert.Equal(94m, row.InvoiceAmount);
        Assert.True(row.Disputed);
        Assert.Equal(BillDelivery.Electronic, row.PaperlessBill);
    }

    [Theory]
    [InlineData("391,A-1,1/1/2013,001,2013-01-02,2/1/2013,10.00,No,2/1/2013,Paper,30,0", "invalid InvoiceDate '2013-01-02'")]
    [InlineData("391,A-1,1/1/2013,001,1/2/2013,2/1/2013,10.005,No,2/1/2013,Paper,30,0", "invalid InvoiceAmount '10.005'")]
    [InlineData("391,A-1,1/1/2013,001,1/2/2013,2/1/2013,-10.00,No,2/1/2013,Paper,30,0", "invalid InvoiceAmount '-10.00'")]
    [InlineData("391,A-1,1/1/2013,001,1/2/2013,2/1/2013,10.00,Maybe,2/1/2013,Paper,30,0", "invalid Disputed 'Maybe'")]
    [InlineData("391,A-1,1/1/2013,001,1/2/2013,2/1/2013,10.00,No,2/1/2013,Fax,30,0", "invalid PaperlessBill 'Fax'")]
    [InlineData("391,A-1,1/1/2013,001,1/2/2013,2/1/2013,10.00,No,1/1/2013,Paper,30,0", "invalid SettledDate '1/1/2013'")]
    [InlineData("391,,1/1/2013,001,1/2/2013,2/1/2013,10.00,No,2/1/2013,Paper,30,0", "invalid customerID ''")]
    [InlineData("391,A-1,1/1/2013,001,1/2/2013", "has 5 fields")]
    public void Reader_rejects_invalid_value_naming_line(string line, string expected)
    {
        var exception = Assert.Throws<LedgerFormatException>(() => LedgerReader.Read(new StringReader(Header + "\n" + line + "\n")));

        Assert.Contains("Line 2", exception.Message, StringComparison.Ordinal);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_rejects_missing_column()
    {
        var header = Header.Replace(",DueDate", "", StringComparison.Ordinal);

        var exception = Assert.Throws<LedgerFormatException>(() => LedgerReader.Read(new StringReader(header + "\n")));

        Assert.Contains("missing the column(s) DueDate", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_rejects_empty_file()
    {
        var exception = Assert.Throws<LedgerFormatException>(() => LedgerReader.Read(new StringReader("")));

        Assert.Contains("empty", exception.Message, StringComparison.Ordinal);
    }

    private static long ParseCents(string amount)
    {
        var parts = amount.Split('.');
        var fraction = parts.Length == 2 ? parts[1].PadRight(2, '0') : "00";
        return long.Parse(parts[0], CultureInfo.InvariantCulture) * 100 + long.Parse(fraction, CultureInfo.InvariantCulture);
    }
}
