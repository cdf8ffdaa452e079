using TermSync.Customers;
using TermSync.Invoices;

namespace TermSync.Grains.Tests.Invoices;

/// <summary>
/// Payment notices stored on invoices and carried to the customer's statement. The cluster reads the real time, so
/// the dates here stay well inside the accepted ranges; <see cref="PaymentNoticeDateTests"/> checks the limits.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PaymentNoticeTests(ClusterFixture fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Promise_reaches_statement()
    {
        var (customerId, invoice) = await IssueAsync();

        var result = await invoice.RecordPaymentNoticeAsync(customerId, Promise(Today.AddDays(30)));

        Assert.Equal(InvoiceCommandStatus.Applied, result.Status);
        Assert.Equal(2, result.Invoice!.Version);
        Assert.Equal(PaymentNoticeKind.Promised, result.Invoice.PaymentNotice!.Kind);
        var line = (await Grains.GetGrain<ICustomerGrain>(customerId).GetStatementAsync(Today)).Vendors.Single().Invoices.Single();
        Assert.Equal(Today.AddDays(30), line.PaymentNotice!.Date);
        Assert.Equal("Sam Clerk", line.PaymentNotice.AuthorName);
    }

    [Fact]
    public async Task Same_notice_again_is_unchanged()
    {
        var (customerId, invoice) = await IssueAsync();

        var first = await invoice.RecordPaymentNoticeAsync(customerId, Paid(Today.AddDays(-1), "bank transfer"));
        var repeat = await invoice.RecordPaymentNoticeAsync(customerId, Paid(Today.AddDays(-1), "bank transfer") with { AuthorName = "Other Clerk" });

        Assert.Equal(InvoiceCommandStatus.Applied, first.Status);
        Assert.Equal(InvoiceCommandStatus.Unchanged, repeat.Status);
        Assert.Equal(first.Invoice!.Version, repeat.Invoice!.Version);
        Assert.Equal("Sam Clerk", repeat.Invoice.PaymentNotice!.AuthorName);
        Assert.Equal(first.Invoice.PaymentNotice!.RecordedAt, repeat.Invoice.PaymentNotice.RecordedAt);
    }

    [Fact]
    public async Task Newer_notice_replaces_older()
    {
        var (customerId, invoice) = await IssueAsync();

        await invoice.RecordPaymentNoticeAsync(customerId, Promise(Today.AddDays(20)));
        var paid = await invoice.RecordPaymentNoticeAsync(customerId, Paid(Today.AddDays(-1), "card"));

        Assert.Equal(InvoiceCommandStatus.Applied, paid.Status);
        Assert.Equal(3, paid.Invoice!.Version);
        Assert.Equal(new PaymentNoticeKind?(PaymentNoticeKind.Paid), (await invoice.GetAsync())!.PaymentNotice?.Kind);
        Assert.Equal("card", (await invoice.GetAsync())!.PaymentNotice?.Method);
    }

    [Fact]
    public async Task Other_customer_gets_not_found()
    {
        var (_, invoice) = await IssueAsync();

        var result = await invoice.RecordPaymentNoticeAsync("someone-else", Promise(Today.AddDays(5)));

        Assert.Equal(InvoiceCommandStatus.NotFound, result.Status);
        Assert.Null(result.Invoice);
        Assert.Null((await invoice.GetAsync())!.PaymentNotice);
    }

    [Fact]
    public async Task Invoice_never_issued_gets_not_found()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");

        var result = await Grains.Invoice(vendorId, "NEVER-1").RecordPaymentNoticeAsync("c-1", Promise(Today.AddDays(5)));

        Assert.Equal(InvoiceCommandStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Paid_invoice_conflicts()
    {
        var (customerId, invoice) = await IssueAsync();
        await invoice.ApplyPaymentAsync("bank-1", 250m, new DateOnly(2013, 2, 1));

        var result = await invoice.RecordPaymentNoticeAsync(customerId, Promise(Today.AddDays(5)));

        Assert.Equal(InvoiceCommandStatus.Conflict, result.Status);
        Assert.Contains("nothing open", result.Error);
        Assert.Equal(2, (await invoice.GetAsync())!.Version);
    }

    [Fact]
    public async Task Paid_notice_needs_method()
    {
        var (customerId, invoice) = await IssueAsync();

        var result = await invoice.RecordPaymentNoticeAsync(customerId, Paid(Today.AddDays(-1), method: null));

        Assert.Equal(InvoiceCommandStatus.Invalid, result.Status);
        Assert.Equal("method", result.Field);
        Assert.Equal(1, result.Invoice!.Version);
    }

    [Fact]
    public async Task Paid_before_issue_date_is_invalid()
    {
        var (customerId, invoice) = await IssueAsync();

        var result = await invoice.RecordPaymentNoticeAsync(customerId, Paid(new DateOnly(2013, 1, 1), "cheque"));

        Assert.Equal(InvoiceCommandStatus.Invalid, result.Status);
        Assert.Equal("date", result.Field);
        Assert.Contains("2013-01-01", result.Error);
        Assert.Contains("issue date 2013-01-02", result.Error);
    }

    internal static PaymentNotice Promise(DateOnly date) => new(PaymentNoticeKind.Promised, date, null, "Sam Clerk", DateTimeOffset.MinValue);

    internal static PaymentNotice Paid(DateOnly date, string? method) => new(PaymentNoticeKind.Paid, date, method, "Sam Clerk", DateTimeOffset.MinValue);

    private async Task<(string CustomerId, IInvoiceGrain Invoice)> IssueAsync()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var customerId = TestData.NewId("c");
        var invoice = Grains.Invoice(vendorId, "N-1");
        await invoice.IssueAsync(TestData.Draft(customerId, 250m));
        return (customerId, invoice);
    }
}
