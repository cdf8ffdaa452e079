using TermSync.Importer.Generation;
using TermSync.Importer.Replay;

namespace TermSync.Importer.Tests.Generation;

public sealed class NetworkGeneratorTests
{
    private static readonly NetworkOptions Defaults = new();

    [Fact]
    public void Same_seed_gives_identical_plan()
    {
        var first = NetworkGenerator.Generate(Defaults with { Seed = 7 });
        var second = NetworkGenerator.Generate(Defaults with { Seed = 7 });

        Assert.Equal(first.Vendors, second.Vendors);
        Assert.Equal(first.Events, second.Events);
    }

    [Fact]
    public void Different_seed_gives_different_plan()
    {
        var first = NetworkGenerator.Generate(Defaults with { Seed = 7 });
        var second = NetworkGenerator.Generate(Defaults with { Seed = 8 });

        Assert.NotEqual(first.Events, second.Events);
    }

    [Fact]
    public void Default_network_has_requested_size()
    {
        var plan = NetworkGenerator.Generate(Defaults);
        var issues = plan.Events.OfType<InvoiceIssue>().ToList();
        var pairs = issues.Select(issue => (issue.VendorId, issue.Customer.Id)).Distinct().Count();

        Assert.Equal(8, plan.Vendors.Count);
        Assert.Equal(60, issues.Select(issue => issue.Customer.Id).Distinct().Count());
        Assert.Equal(pairs * Defaults.InvoicesPerPair, issues.Count);
        Assert.Contains(plan.Events, e => e is Payment);
        Assert.Contains(plan.Events, e => e is DisputeOpen);
        Assert.Contains(plan.Events, e => e is DisputeResolution);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Customers_buy_from_several_vendors(int seed)
    {
        var plan = NetworkGenerator.Generate(Defaults with { Seed = seed });

        var vendorsPerCustomer = plan.Events.OfType<InvoiceIssue>()
            .GroupBy(issue => issue.Customer.Id)
            .ToDictionary(group => group.Key, group => group.Select(issue => issue.VendorId).Distinct().Count());

        Assert.All(vendorsPerCustomer, pair => Assert.InRange(pair.Value, 2, 5));
        Assert.Contains(vendorsPerCustomer.Values, count => count >= 3);
    }

    [Fact]
    public void Smallest_network_still_spans_vendors()
    {
        var plan = NetworkGenerator.Generate(Defaults with { Vendors = 3, Customers = 1, MaxVendorsPerCustomer = 3 });

        var vendors = plan.Events.OfType<InvoiceIssue>().Select(issue => issue.VendorId).Distinct();

        Assert.Equal(3, vendors.Count());
    }

    [Fact]
    public void Amounts_respect_currency_minor_units()
    {
        var plan = NetworkGenerator.Generate(Defaults with { Vendors = 20, ForeignCurrencyShare = 0.5 });
        var issues = plan.Events.OfType<InvoiceIssue>().ToList();
        var currencyOf = issues.ToDictionary(issue => (issue.VendorId, issue.InvoiceNumber), issue => issue.Currency);
        var amounts = issues.Select(issue => (issue.Currency, issue.Amount))
            .Concat(plan.Events.OfType<Payment>().Select(payment => (Currency: currencyOf[(payment.VendorId, payment.InvoiceNumber)], payment.Amount)))
            .ToList();

        Assert.Equal(["EUR", "JPY", "USD"], issues.Select(issue => issue.Currency).Distinct().Order());
        Assert.All(amounts, amount => Assert.True(amount.Amount > 0, $"{amount.Currency} {amount.Amount} is not positive."));
        Assert.All(
            amounts,
            amount => Assert.True(
                amount.Amount.Scale <= Currencies.MinorUnitDigits(amount.Currency) &&
                amount.Amount == decimal.Round(amount.Amount, Currencies.MinorUnitDigits(amount.Currency)),
                $"{amount.Currency} {amount.Amount} has more decimals than the currency allows."));
        Assert.Contains(amounts, amount => amount.Currency == "JPY" && amount.Amount.Scale == 0);
    }

    [Fact]
    public void Payments_never_exceed_invoice_amount()
    {
        var plan = NetworkGenerator.Generate(Defaults with { InstallmentShare = 0.5 });
        var issues = plan.Events.OfType<InvoiceIssue>().ToDictionary(issue => (issue.VendorId, issue.InvoiceNumber));

        var paidPerInvoice = plan.Events.OfType<Payment>()
            .GroupBy(payment => (payment.VendorId, payment.InvoiceNumber))
            .ToList();

        Assert.Contains(paidPerInvoice, payments => payments.Count() == 2);
        Assert.All(paidPerInvoice, payments => Assert.True(payments.Sum(payment => payment.Amount) <= issues[payments.Key].Amount));
        Assert.All(paidPerInvoice, payments => Assert.All(payments, payment => Assert.True(payment.Date >= issues[payments.Key].Date)));
        Assert.Equal(
            plan.Events.OfType<Payment>().Count(),
            plan.Events.OfType<Payment>().Select(payment => (payment.VendorId, payment.PaymentId)).Distinct().Count());
    }

    [Fact]
    public void Events_stay_within_generated_days()
    {
        var options = Defaults with { StartDate = new DateOnly(2025, 3, 1), Days = 90 };

        var plan = NetworkGenerator.Generate(options);

        Assert.All(plan.Events, e => Assert.InRange(e.Date, options.StartDate, options.LastDate));
        Assert.All(plan.Events.OfType<InvoiceIssue>(), issue => Assert.True(issue.DueDate > issue.Date));
    }

    [Fact]
    public void Disputes_resolve_before_payment()
    {
        var plan = NetworkGenerator.Generate(Defaults with { DisputeShare = 0.5 });
        var resolvedOn = plan.Events.OfType<DisputeResolution>().ToDictionary(resolution => (resolution.VendorId, resolution.InvoiceNumber), resolution => resolution.Date);
        var openedOn = plan.Events.OfType<DisputeOpen>().ToDictionary(opening => (opening.VendorId, opening.InvoiceNumber), opening => opening.Date);

        Assert.All(resolvedOn, resolution => Assert.True(resolution.Value > openedOn[resolution.Key]));
        Assert.All(
            plan.Events.OfType<Payment>().Where(payment => openedOn.ContainsKey((payment.VendorId, payment.InvoiceNumber))),
            payment => Assert.True(
                resolvedOn.TryGetValue((payment.VendorId, payment.InvoiceNumber), out var resolved) && payment.Date >= resolved,
                $"Payment {payment.PaymentId} is not after the dispute resolution."));
    }

    [Fact]
    public void Disputes_use_api_reason_codes()
    {
        var plan = NetworkGenerator.Generate(Defaults with { DisputeShare = 0.5 });

        var reasons = plan.Events.OfType<DisputeOpen>().Select(opening => opening.Reason).Distinct().Order();

        Assert.Equal(["damagedGoods", "duplicateBilling", "notReceived", "other", "pricing", "quantity"], reasons);
    }

    [Fact]
    public void Invoice_numbers_are_unique_per_vendor()
    {
        var issues = NetworkGenerator.Generate(Defaults).Events.OfType<InvoiceIssue>().ToList();

        Assert.Equal(issues.Count, issues.Select(issue => (issue.VendorId, issue.InvoiceNumber)).Distinct().Count());
    }

    [Theory]
    [InlineData(1, 60, "Vendors is 1")]
    [InlineData(8, 0, "Customers is 0")]
    public void Generator_rejects_invalid_options(int vendors, int customers, string expected)
    {
        var exception = Assert.Throws<ArgumentException>(() => NetworkGenerator.Generate(Defaults with { Vendors = vendors, Customers = customers }));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }
}
