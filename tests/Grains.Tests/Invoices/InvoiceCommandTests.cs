using TermSync.CreditNotes;
using TermSync.Invoices;
using TermSync.Vendors;

namespace TermSync.Grains.Tests.Invoices;

[Collection(ClusterCollection.Name)]
public sealed class InvoiceCommandTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Partial_payment_before_due_date()
    {
        var (_, invoice) = await IssueAsync(1000m, due: "2013-03-01");

        await invoice.ApplyPaymentAsync("bank-1", 400m, new DateOnly(2013, 2, 1));

        var after = (await invoice.GetAsync())!;
        Assert.Equal(600m, after.OpenAmount);
        Assert.Equal(400m, after.PaidAmount);
        Assert.Equal(InvoiceStatus.PartiallyPaid, after.Status);
        Assert.False(after.IsPastDue(new DateOnly(2013, 2, 28)));
        Assert.True(after.IsPastDue(new DateOnly(2013, 3, 2)));
    }

    [Fact]
    public async Task Repeated_payment_reference_is_applied_once()
    {
        var (_, invoice) = await IssueAsync(100m);

        var first = await invoice.ApplyPaymentAsync("bank-42", 60m, new DateOnly(2013, 2, 1));
        var retry = await invoice.ApplyPaymentAsync("bank-42", 60m, new DateOnly(2013, 2, 1));

        Assert.Equal(InvoiceCommandStatus.Applied, first.Status);
        Assert.Equal(InvoiceCommandStatus.Unchanged, retry.Status);
        Assert.Equal(60m, retry.AppliedAmount);
        Assert.Equal(40m, retry.Invoice!.OpenAmount);
    }

    [Fact]
    public async Task Payment_above_open_amount_applies_only_open_amount()
    {
        var (_, invoice) = await IssueAsync(100m);

        var result = await invoice.ApplyPaymentAsync("p", 120m, new DateOnly(2013, 2, 1));

        Assert.Equal(100m, result.AppliedAmount);
        Assert.Equal(0m, result.Invoice!.OpenAmount);
        Assert.Equal(InvoiceStatus.Paid, result.Invoice.Status);
    }

    [Fact]
    public async Task Payment_with_sub_cent_amount_conflicts()
    {
        var (_, invoice) = await IssueAsync(100m);

        var result = await invoice.ApplyPaymentAsync("p", 10.005m, new DateOnly(2013, 2, 1));

        Assert.Equal(InvoiceCommandStatus.Conflict, result.Status);
        Assert.Equal(0m, result.Invoice!.PaidAmount);
    }

    [Fact]
    public async Task Credit_note_reduces_open_amount_exactly()
    {
        var (vendorId, invoice) = await IssueAsync(50m);

        var result = await CreditNote(vendorId, "CN-1").IssueAsync(new CreditNote("INV-1", 10m, new DateOnly(2013, 1, 10)));

        Assert.Equal(InvoiceCommandStatus.Applied, result.Status);
        Assert.Equal(40m, result.Invoice!.OpenAmount);
        Assert.Equal(10m, result.Invoice.CreditedAmount);
        Assert.Equal(10m, result.AppliedAmount);
        Assert.Equal(InvoiceStatus.PartiallyPaid, (await invoice.GetAsync())!.Status);
    }

    [Fact]
    public async Task Credit_beyond_creditable_amount_is_rejected()
    {
        var (vendorId, invoice) = await IssueAsync(50m);
        await invoice.ApplyPaymentAsync("p", 30.01m, new DateOnly(2013, 1, 5));

        var result = await CreditNote(vendorId, "CN-2").IssueAsync(new CreditNote("INV-1", 20m, new DateOnly(2013, 1, 10)));

        Assert.Equal(InvoiceCommandStatus.Conflict, result.Status);
        Assert.Contains("19.99 USD", result.Error);
        Assert.Equal(0m, (await invoice.GetAsync())!.CreditedAmount);
        Assert.Null(await CreditNote(vendorId, "CN-2").GetAsync());
    }

    [Fact]
    public async Task Credit_note_number_is_applied_once()
    {
        var (vendorId, invoice) = await IssueAsync(50m);
        var creditNote = new CreditNote("INV-1", 10m, new DateOnly(2013, 1, 10));

        await CreditNote(vendorId, "CN-3").IssueAsync(creditNote);
        var repeat = await CreditNote(vendorId, "CN-3").IssueAsync(creditNote);
        var reused = await CreditNote(vendorId, "CN-3").IssueAsync(creditNote with { Amount = 5m });

        Assert.Equal(InvoiceCommandStatus.Unchanged, repeat.Status);
        Assert.Equal(InvoiceCommandStatus.Conflict, reused.Status);
        Assert.Equal(40m, (await invoice.GetAsync())!.OpenAmount);
    }

    [Fact]
    public async Task Full_credit_gives_credited_status()
    {
        var (vendorId, invoice) = await IssueAsync(50m);

        await CreditNote(vendorId, "CN-4").IssueAsync(new CreditNote("INV-1", 50m, new DateOnly(2013, 1, 10)));

        Assert.Equal(InvoiceStatus.Credited, (await invoice.GetAsync())!.Status);
    }

    [Fact]
    public async Task Amendment_below_settled_amount_conflicts()
    {
        var (vendorId, invoice) = await IssueAsync(100m);
        await invoice.ApplyPaymentAsync("p", 60m, new DateOnly(2013, 2, 1));
        await CreditNote(vendorId, "CN-5").IssueAsync(new CreditNote("INV-1", 30m, new DateOnly(2013, 2, 2)));
        var customerId = (await invoice.GetAsync())!.Customer.Id;

        var below = await invoice.IssueAsync(TestData.Draft(customerId, 89.99m));
        var atSettled = await invoice.IssueAsync(TestData.Draft(customerId, 90m));

        Assert.Equal(InvoiceCommandStatus.Conflict, below.Status);
        Assert.Contains("90", below.Error);
        Assert.Equal(InvoiceCommandStatus.Applied, atSettled.Status);
        Assert.Equal(0m, atSettled.Invoice!.OpenAmount);
    }

    [Fact]
    public async Task Amendment_with_stale_version_fails_precondition()
    {
        var (_, invoice) = await IssueAsync(100m);
        var customerId = (await invoice.GetAsync())!.Customer.Id;
        await invoice.IssueAsync(TestData.Draft(customerId, 110m), expectedVersion: 1);

        var stale = await invoice.IssueAsync(TestData.Draft(customerId, 120m), expectedVersion: 1);

        Assert.Equal(InvoiceCommandStatus.PreconditionFailed, stale.Status);
        Assert.Equal(110m, stale.Invoice!.Amount);
        Assert.Equal(2, stale.Invoice.Version);
    }

    [Fact]
    public async Task Void_only_while_nothing_settled()
    {
        var (_, paid) = await IssueAsync(100m);
        await paid.ApplyPaymentAsync("p", 1m, new DateOnly(2013, 2, 1));
        var (_, unpaid) = await IssueAsync(100m);

        var rejected = await paid.VoidAsync(new DateOnly(2013, 2, 2));
        var voided = await unpaid.VoidAsync(new DateOnly(2013, 2, 2));
        var payAfterVoid = await unpaid.ApplyPaymentAsync("late", 5m, new DateOnly(2013, 2, 3));

        Assert.Equal(InvoiceCommandStatus.Conflict, rejected.Status);
        Assert.Equal(InvoiceStatus.Void, voided.Invoice!.Status);
        Assert.Equal(0m, voided.Invoice.OpenAmount);
        Assert.Equal(InvoiceCommandStatus.Conflict, payAfterVoid.Status);
    }

    [Fact]
    public async Task Write_off_takes_the_remainder()
    {
        var (vendorId, invoice) = await IssueAsync(100m);
        await invoice.ApplyPaymentAsync("p", 70m, new DateOnly(2013, 2, 1));

        var result = await invoice.WriteOffAsync(new DateOnly(2013, 6, 30));

        Assert.Equal(InvoiceStatus.WrittenOff, result.Invoice!.Status);
        Assert.Equal(30m, result.Invoice.WrittenOffAmount);
        Assert.Equal(0m, result.Invoice.OpenAmount);
        var figures = (await IVendorLedgerGrain.SumAsync(Grains, vendorId)).Single();
        Assert.Equal(70m, figures.PaidAmount);
        Assert.Equal(30m, figures.WrittenOffAmount);
        Assert.Equal(0m, figures.OpenAmount);
    }

    [Fact]
    public async Task Reversed_payment_reopens_invoice()
    {
        var (_, invoice) = await IssueAsync(100m);
        await invoice.ApplyPaymentAsync("cheque-9", 100m, new DateOnly(2013, 2, 1));

        var reversed = await invoice.ReversePaymentAsync("cheque-9", new DateOnly(2013, 2, 5));
        var again = await invoice.ReversePaymentAsync("cheque-9", new DateOnly(2013, 2, 5));

        Assert.Equal(100m, reversed.Invoice!.OpenAmount);
        Assert.Equal(InvoiceStatus.Open, reversed.Invoice.Status);
        Assert.Equal(InvoiceCommandStatus.Unchanged, again.Status);
    }

    [Fact]
    public async Task Dispute_open_and_resolve_are_idempotent()
    {
        var (_, invoice) = await IssueAsync(100m);

        Assert.Equal(InvoiceCommandStatus.Applied, (await invoice.OpenDisputeAsync("conversation-1", new DateOnly(2013, 1, 5), "pricing", null)).Status);
        Assert.Equal(InvoiceCommandStatus.Unchanged, (await invoice.OpenDisputeAsync("conversation-1", new DateOnly(2013, 1, 5), "pricing", null)).Status);
        Assert.Equal(InvoiceCommandStatus.Applied, (await invoice.ResolveDisputeAsync("conversation-1", new DateOnly(2013, 1, 9))).Status);

        var repeat = await invoice.ResolveDisputeAsync("conversation-1", new DateOnly(2013, 1, 9));
        Assert.Equal(InvoiceCommandStatus.Unchanged, repeat.Status);
        Assert.False(repeat.Invoice!.DisputeOpen);
        Assert.Equal(3, repeat.Invoice.Version);
    }

    [Fact]
    public async Task Partial_dispute_holds_only_its_amount()
    {
        var (_, invoice) = await IssueAsync(100m);

        var held = (await invoice.OpenDisputeAsync("conversation-1", new DateOnly(2013, 1, 5), "quantity", 30m)).Invoice!;
        Assert.Equal(30m, held.DisputedAmount);
        Assert.Equal(70m, held.OwedAmount);

        var paid = (await invoice.ApplyPaymentAsync("pay-1", 80m, new DateOnly(2013, 1, 6))).Invoice!;
        Assert.Equal(20m, paid.DisputedAmount);
        Assert.Equal(0m, paid.OwedAmount);
    }

    [Fact]
    public async Task Credit_reduces_partial_dispute_hold()
    {
        var (_, invoice) = await IssueAsync(100m);
        await invoice.OpenDisputeAsync("conversation-1", new DateOnly(2013, 1, 5), "pricing", 30m);

        var credited = (await invoice.ApplyCreditAsync("CN-1", 20m, new DateOnly(2013, 1, 6))).Invoice!;

        Assert.Equal(80m, credited.OpenAmount);
        Assert.Equal(10m, credited.DisputedAmount);
        Assert.Equal(70m, credited.OwedAmount);
    }

    [Fact]
    public async Task Second_dispute_while_one_is_open_conflicts()
    {
        var (_, invoice) = await IssueAsync(100m);
        await invoice.OpenDisputeAsync("conversation-1", new DateOnly(2013, 1, 5), "pricing", null);

        var second = await invoice.OpenDisputeAsync("conversation-2", new DateOnly(2013, 1, 6), "quantity", null);
        Assert.Equal(InvoiceCommandStatus.Conflict, second.Status);
        Assert.Contains("conversation-1", second.Error);

        var foreignRelease = await invoice.ResolveDisputeAsync("conversation-2", new DateOnly(2013, 1, 7));
        Assert.Equal(InvoiceCommandStatus.Unchanged, foreignRelease.Status);
        Assert.True(foreignRelease.Invoice!.DisputeOpen);
    }

    [Fact]
    public async Task Payment_on_unknown_invoice_is_not_found()
    {
        var result = await Grains.Invoice("nobody", "none").ApplyPaymentAsync("p", 1m, new DateOnly(2013, 2, 1));

        Assert.Equal(InvoiceCommandStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Due_date_follows_terms()
    {
        var net30 = new PaymentTerms(30, DiscountPercent: 2m, DiscountDays: 10);
        var endOfMonth = new PaymentTerms(15, EndOfMonth: true);

        Assert.Equal(new DateOnly(2013, 2, 14), net30.DueDate(new DateOnly(2013, 1, 15)));
        Assert.Equal(new DateOnly(2013, 1, 25), net30.DiscountDate(new DateOnly(2013, 1, 15)));
        Assert.Equal(new DateOnly(2013, 3, 15), endOfMonth.DueDate(new DateOnly(2013, 2, 3)));
        Assert.NotNull(new PaymentTerms(30, DiscountPercent: 2m).Validate());
    }

    private async Task<(string VendorId, IInvoiceGrain Invoice)> IssueAsync(decimal amount, string due = "2013-02-01")
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "Acme Supply");
        var invoice = Grains.Invoice(vendorId, "INV-1");
        await invoice.IssueAsync(TestData.Draft(TestData.NewId("c"), amount, due: due));
        return (vendorId, invoice);
    }

    private ICreditNoteGrain CreditNote(string vendorId, string number) =>
        Grains.GetGrain<ICreditNoteGrain>(VendorScopedKey.Format(vendorId, number));
}
