using System.Globalization;
using TermSync.Grains.Digests;

namespace TermSync.Grains.Tests.Digests;

public sealed class DigestFormatterTests
{
    [Theory]
    [InlineData("en", "1234.56", "USD", "1,234.56 USD")]
    [InlineData("en", "10", "USD", "10.00 USD")]
    [InlineData("en", "0.5", "EUR", "0.50 EUR")]
    [InlineData("de", "1234.56", "EUR", "1.234,56 EUR")]
    [InlineData("de", "1234567.8", "EUR", "1.234.567,80 EUR")]
    [InlineData("fr", "1234.56", "EUR", "1\u202F234,56 EUR")]
    [InlineData("de-CH", "1234.5", "CHF", "1\u2019234.50 CHF")]
    [InlineData("en", "1200", "JPY", "1,200 JPY")]
    [InlineData("de", "1200", "JPY", "1.200 JPY")]
    [InlineData("en", "1234.5", "BHD", "1,234.500 BHD")]
    [InlineData("de", "0.125", "KWD", "0,125 KWD")]
    [InlineData("en", "1234.567", "KWD", "1,234.567 KWD")]
    public void Amount_uses_culture_separators_and_minor_units(string language, string amount, string currency, string expected)
    {
        var formatted = DigestFormatter.For(language).FormatAmount(decimal.Parse(amount, CultureInfo.InvariantCulture), currency);

        Assert.Equal(expected, formatted);
    }

    [Theory]
    [InlineData("en", "Friday, March 1, 2013")]
    [InlineData("de", "Freitag, 1. März 2013")]
    [InlineData("fr", "vendredi 1 mars 2013")]
    public void Date_uses_long_date_pattern(string language, string expected)
    {
        Assert.Equal(expected, DigestFormatter.For(language).FormatDate(new DateOnly(2013, 3, 1)));
    }

    [Theory]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    [InlineData("xx", "en")]
    [InlineData("not a tag", "en")]
    [InlineData("de-XX", "de")]
    [InlineData("de_DE", "de-DE")]
    [InlineData(" DE-ch ", "de-CH")]
    [InlineData("pt-BR", "pt-BR")]
    public void Language_resolves_to_predefined_culture(string? language, string expected)
    {
        Assert.Equal(expected, DigestFormatter.For(language).Culture.Name);
    }

    [Fact]
    public void Unknown_currency_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => DigestFormatter.For("en").FormatAmount(1m, "XYZ"));
    }

    [Theory]
    [InlineData("2013-02-01", "2013-03-01", "Past due 28 days")]
    [InlineData("2013-02-28", "2013-03-01", "Past due 1 day")]
    [InlineData("2013-03-01", "2013-03-01", "Due today")]
    [InlineData("2013-03-02", "2013-03-01", "Due in 1 day")]
    [InlineData("2013-03-15", "2013-03-01", "Due in 14 days")]
    public void Due_status_counts_days_from_as_of(string dueDate, string asOf, string expected)
    {
        Assert.Equal(expected, DigestFormatter.DueStatus(DateOnly.Parse(dueDate, CultureInfo.InvariantCulture), DateOnly.Parse(asOf, CultureInfo.InvariantCulture)));
    }
}
