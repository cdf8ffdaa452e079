using TermSync.Invoices;

namespace TermSync.Grains.Tests.Invoices;

[Collection(ClusterCollection.Name)]
public sealed class InvoiceCommandTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Repeated_payment_id_is_applied_once()
    {
        var invoice = await IssueAsync(100m);
        var payment = new PaymentRecord("bank-42", 60m, new DateOnly(2013, 2, 1));

        var first = await invoice.RecordPaymentAsync(payment);
        var retry = await invoice.RecordPaymentAsync(payment);

        Assert.Equal(InvoiceCommandStatus.Applied, first.Status);
        Assert.Equal(InvoiceCommandStatus.Unchanged, retry.Status);
        Assert.Equal(40m, retry.Invoice!.OpenAmount);
    }

    [Fact]
    public async Task Payment_id_reused_with_other_amount_conflicts()
    {
        var invoice = await IssueAsync(100m);
        await invoice.RecordPaymentAsync(new PaymentRecord("bank-42", 60m, new DateOnly(2013, 2, 1)));

        var reused = await invoice.RecordPaymentAsync(new PaymentRecord("bank-42", 10m, new DateOnly(2013, 2, 1)));

        Assert.Equal(InvoiceCommandStatus.Conflict, reused.Status);
        Assert.Contains("bank-42", reused.Error);
        Assert.Equal(40m, reused.Invoice!.OpenAmount);
    }

    [Fact]
    public async Task Payment_above_open_amount_conflicts()
    {
        var invoice = await IssueAsync(100m);

        var result = await invoice.RecordPaymentAsync(new PaymentRecord("p", 100.01m, new DateOnly(2013, 2, 1)));

        Assert.Equal(InvoiceCommandStatus.Conflict, result.Status);
        Assert.Contains("100.01", result.Error);
        Assert.Equal(100m, result.Invoice!.OpenAmount);
    }

    [Fact]
    public async Task Payment_with_sub_cent_amount_conflicts()
    {
        var invoice = await IssueAsync(100m);

        var result = await invoice.RecordPaymentAsync(new PaymentRecord("p", 10.005m, new DateOnly(2013, 2, 1)));

        Assert.Equal(InvoiceCommandStatus.Conflict, result.Status);
        Assert.Equal(0, result.Invoice!.PaidAmount);
    }

    [Fact]
    public async Task Amount_below_paid_conflicts()
    {
        var invoice = await IssueAsync(100m);
        await invoice.RecordPaymentAsync(new PaymentRecord("p", 80m, new DateOnly(2013, 2, 1)));

        var result = await invoice.IssueAsync(TestData.Draft((await invoice.GetAsync())!.Customer.Id, 50m));

        Assert.Equal(InvoiceCommandStatus.Conflict, result.Status);
        Assert.Equal(100m, result.Invoice!.Amount);
    }

    [Fact]
    public async Task Payment_on_unknown_invoice_is_not_found()
    {
        var result = await Grains.Invoice("nobody", "none").RecordPaymentAsync(new PaymentRecord("p", 1m, new DateOnly(2013, 2, 1)));

        Assert.Equal(InvoiceCommandStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Dispute_open_and_resolve_are_idempotent()
    {
        var invoice = await IssueAsync(100m);

        Assert.Equal(InvoiceCommandStatus.Applied, (await invoice.OpenDisputeAsync(new DateOnly(2013, 1, 5), "pricing", null)).Status);
        Assert.Equal(InvoiceCommandStatus.Unchanged, (await invoice.OpenDisputeAsync(new DateOnly(2013, 1, 5), "pricing", null)).Status);
        Assert.Equal(InvoiceCommandStatus.Applied, (await invoice.ResolveDisputeAsync(new DateOnly(2013, 1, 9))).Status);

        var repeat = await invoice.ResolveDisputeAsync(new DateOnly(2013, 1, 9));
        Assert.Equal(InvoiceCommandStatus.Unchanged, repeat.Status);
        Assert.False(repeat.Invoice!.DisputeOpen);
        Assert.Equal(3, repeat.Invoice.Version);
    }

    private async Task<IInvoiceGrain> IssueAsync(decimal amount)
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "Acme Supply");
        var invoice = Grains.Invoice(vendorId, "INV-1");
        await invoice.IssueAsync(TestData.Draft(TestData.NewId("c"), amount));
        return invoice;
    }
}
