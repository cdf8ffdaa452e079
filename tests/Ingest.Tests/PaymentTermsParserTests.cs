using TermSync.Invoices;

namespace TermSync.Ingest.Tests;

public sealed class PaymentTermsParserTests
{
    public static TheoryData<string, PaymentTerms> ReadableTerms => new()
    {
        { "net 30", new PaymentTerms(30) },
        { "Net30", new PaymentTerms(30) },
        { "n/45", new PaymentTerms(45) },
        { "NET 60 DAYS.", new PaymentTerms(60) },
        { "30 days net", new PaymentTerms(30) },
        { "Payment within 30 days", new PaymentTerms(30) },
        { "within 14 days", new PaymentTerms(14) },
        { "Payment due in 1 day", new PaymentTerms(1) },
        { "Due on receipt", new PaymentTerms(0) },
        { "payable upon receipt", new PaymentTerms(0) },
        { "Immediate", new PaymentTerms(0) },
        { "net 0", new PaymentTerms(0) },
        { "EOM", new PaymentTerms(0, EndOfMonth: true) },
        { "net 30 EOM", new PaymentTerms(30, EndOfMonth: true) },
        { "EOM + 10", new PaymentTerms(10, EndOfMonth: true) },
        { "end of month + 15 days", new PaymentTerms(15, EndOfMonth: true) },
        { "2% 10 net 30", new PaymentTerms(30, DiscountPercent: 2m, DiscountDays: 10) },
        { "2/10 net 30", new PaymentTerms(30, DiscountPercent: 2m, DiscountDays: 10) },
        { "2/10, n/30", new PaymentTerms(30, DiscountPercent: 2m, DiscountDays: 10) },
        { "1.5 % 10 days, net 30 days", new PaymentTerms(30, DiscountPercent: 1.5m, DiscountDays: 10) },
    };

    [Theory]
    [MemberData(nameof(ReadableTerms))]
    public void Supported_form_is_read(string note, PaymentTerms expected)
    {
        Assert.True(PaymentTermsParser.TryParse(note, out var terms));
        Assert.Equal(expected, terms);
    }

    [Theory]
    [InlineData("")]
    [InlineData("50% prepaid, 50% within one month")]
    [InlineData("Payment within 10 days, 2% discount")]
    [InlineData("2 % discount if paid within 2 days Penalty percentage 10% from due date")]
    [InlineData("net thirty")]
    [InlineData("net 400")]
    [InlineData("net 30 EOM + 10")]
    [InlineData("2% 40 net 30")]
    [InlineData("0% 10 net 30")]
    [InlineData("within -5 days")]
    public void Other_text_is_not_read(string note)
    {
        Assert.False(PaymentTermsParser.TryParse(note, out var terms));
        Assert.Null(terms);
    }

    [Theory]
    [InlineData(30, false, "2025-01-31", "2025-03-02")]
    [InlineData(0, true, "2024-02-10", "2024-02-29")]
    [InlineData(10, true, "2025-12-05", "2026-01-10")]
    [InlineData(30, true, "2025-01-31", "2025-03-02")]
    public void Due_date_counts_from_issue_or_month_end(int netDays, bool endOfMonth, string issueDate, string dueDate)
    {
        var terms = new PaymentTerms(netDays, endOfMonth);

        Assert.Equal(DateOnly.Parse(dueDate, System.Globalization.CultureInfo.InvariantCulture), terms.DueDate(DateOnly.Parse(issueDate, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Discount_date_counts_from_issue()
    {
        var terms = new PaymentTerms(30, DiscountPercent: 2m, DiscountDays: 10);

        Assert.Equal(new DateOnly(2025, 3, 11), terms.DiscountDate(new DateOnly(2025, 3, 1)));
        Assert.Null(new PaymentTerms(30).DiscountDate(new DateOnly(2025, 3, 1)));
    }

    [Theory]
    [InlineData("Payment within 30 days", "net 30")]
    [InlineData("EOM + 10", "net 10 EOM")]
    [InlineData("1.5/10, n/30", "1.5% 10 net 30")]
    public void Formatted_terms_read_back_equal(string note, string formatted)
    {
        Assert.True(PaymentTermsParser.TryParse(note, out var terms));

        Assert.Equal(formatted, PaymentTermsParser.Format(terms));
        Assert.True(PaymentTermsParser.TryParse(formatted, out var reread));
        Assert.Equal(terms, reread);
    }
}
