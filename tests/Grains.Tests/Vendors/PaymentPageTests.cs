using TermSync.Vendors;

namespace TermSync.Grains.Tests.Vendors;

/// <summary>Payment-page URL templates: which are valid, how they expand, and how the vendor grain stores them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PaymentPageTests(ClusterFixture fixture)
{
    private const string Template = "https://pay.example.com/checkout?invoice={invoiceNumber}&amount={amount}&currency={currency}";

    [Theory]
    [InlineData("https://pay.example.com/{invoiceNumber}")]
    [InlineData("https://pay.example.com/a/{accountNumber}/i/{invoiceNumber}?amount={amount}&currency={currency}")]
    [InlineData("http://127.0.0.1:8080/pay/{invoiceNumber}")]
    [InlineData("http://localhost/pay?i={invoiceNumber}")]
    public void Valid_template_is_accepted(string template)
    {
        Assert.Null(PaymentPageTemplate.Validate(template));
    }

    [Theory]
    [InlineData("", "missing")]
    [InlineData("https://pay.example.com/checkout", "no {invoiceNumber}")]
    [InlineData("https://pay.example.com/{invoiceNumber}/{customerId}", "unknown placeholder '{customerId}'")]
    [InlineData("http://pay.example.com/{invoiceNumber}", "uses 'http'")]
    [InlineData("ftp://pay.example.com/{invoiceNumber}", "uses 'ftp'")]
    [InlineData("javascript:alert(1)//{invoiceNumber}", "not an absolute URL")]
    [InlineData("/pay/{invoiceNumber}", "not an absolute URL")]
    [InlineData("https://pay.example.com/{invoiceNumber}{", "not an absolute URL")]
    public void Invalid_template_names_problem(string template, string expected)
    {
        var error = PaymentPageTemplate.Validate(template);

        Assert.NotNull(error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Long_template_is_rejected()
    {
        var template = "https://pay.example.com/{invoiceNumber}?pad=" + new string('a', PaymentPageTemplate.MaxLength);

        Assert.Contains($"at most {PaymentPageTemplate.MaxLength}", PaymentPageTemplate.Validate(template));
    }

    [Theory]
    [InlineData(1250.5, "EUR", "1250.50")]
    [InlineData(1250, "JPY", "1250")]
    [InlineData(12.5, "KWD", "12.500")]
    public void Amount_has_minor_digits(decimal amount, string currency, string expected)
    {
        var url = PaymentPageTemplate.Expand(Template, "INV-1", amount, currency);

        Assert.Equal($"https://pay.example.com/checkout?invoice=INV-1&amount={expected}&currency={currency}", url);
    }

    [Fact]
    public void Values_are_url_encoded()
    {
        var url = PaymentPageTemplate.Expand("https://pay.example.com/{invoiceNumber}?a={accountNumber}", "2024/7 & {amount}", 10m, "USD", "ACC #1");

        Assert.Equal("https://pay.example.com/2024%2F7%20%26%20%7Bamount%7D?a=ACC%20%231", url);
    }

    [Fact]
    public async Task Grain_stores_and_clears_template()
    {
        var vendor = fixture.Grains.GetGrain<IVendorGrain>(await TestData.RegisterVendorAsync(fixture.Grains, "North"));

        var created = await vendor.SetPaymentPageAsync(Template);
        var repeated = await vendor.SetPaymentPageAsync(Template);
        var stored = await vendor.GetPaymentPageAsync();
        var cleared = await vendor.SetPaymentPageAsync(null);

        Assert.Equal(WriteOutcome.Created, created);
        Assert.Equal(WriteOutcome.Unchanged, repeated);
        Assert.Equal(Template, stored);
        Assert.Equal(WriteOutcome.Updated, cleared);
        Assert.Null(await vendor.GetPaymentPageAsync());
    }

    [Fact]
    public async Task Grain_rejects_invalid_template()
    {
        var vendor = fixture.Grains.GetGrain<IVendorGrain>(await TestData.RegisterVendorAsync(fixture.Grains, "North"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => vendor.SetPaymentPageAsync("https://pay.example.com/checkout"));

        Assert.Contains("{invoiceNumber}", error.Message);
        Assert.Null(await vendor.GetPaymentPageAsync());
    }
}
