using TermSync.Accounts;
using TermSync.Invoices;
using TermSync.Payments;

namespace TermSync.Grains.Tests.Payments;

[Collection(ClusterCollection.Name)]
public sealed class PaymentTests(ClusterFixture fixture)
{
    private static readonly DateOnly Received = new(2013, 2, 15);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Remittance_splits_over_three_invoices()
    {
        var (vendorId, account) = await AccountWithInvoicesAsync(100m, 250.50m, 80m);

        var result = await Payment(vendorId, "RM-1").RecordAsync(new Remittance(account, "USD", 300.50m, Received,
            [new PaymentAllocation("I-1", 100m), new PaymentAllocation("I-2", 150.50m), new PaymentAllocation("I-3", 50m)]));

        Assert.Equal(PaymentCommandStatus.Applied, result.Status);
        Assert.Equal(0m, result.Payment!.UnappliedAmount);
        Assert.Equal(InvoiceStatus.Paid, (await Invoice(vendorId, "I-1")).Status);
        Assert.Equal(100m, (await Invoice(vendorId, "I-2")).OpenAmount);
        Assert.Equal(30m, (await Invoice(vendorId, "I-3")).OpenAmount);
    }

    [Fact]
    public async Task Overpayment_becomes_unapplied_credit()
    {
        var (vendorId, account) = await AccountWithInvoicesAsync(100m);

        var result = await Payment(vendorId, "OP-1").RecordAsync(new Remittance(account, "USD", 130m, Received, [new PaymentAllocation("I-1", 130m)]));

        Assert.Equal(30m, result.Payment!.UnappliedAmount);
        Assert.Equal(0m, (await Invoice(vendorId, "I-1")).OpenAmount);
        var view = (await Grains.GetGrain<ICustomerAccountGrain>(VendorScopedKey.Format(vendorId, account)).GetAsync())!;
        Assert.Equal(30m, view.UnappliedCredit["USD"]);
    }

    [Fact]
    public async Task Same_reference_moves_money_once()
    {
        var (vendorId, account) = await AccountWithInvoicesAsync(100m);
        var remittance = new Remittance(account, "USD", 40m, Received, [new PaymentAllocation("I-1", 40m)]);

        await Payment(vendorId, "DUP-1").RecordAsync(remittance);
        var repeat = await Payment(vendorId, "DUP-1").RecordAsync(remittance);
        var changed = await Payment(vendorId, "DUP-1").RecordAsync(remittance with { Amount = 50m, Allocations = [new PaymentAllocation("I-1", 50m)] });

        Assert.Equal(PaymentCommandStatus.Unchanged, repeat.Status);
        Assert.Equal(PaymentCommandStatus.Conflict, changed.Status);
        Assert.Equal(60m, (await Invoice(vendorId, "I-1")).OpenAmount);
    }

    [Fact]
    public async Task Reversal_reopens_invoices_and_removes_credit()
    {
        var (vendorId, account) = await AccountWithInvoicesAsync(100m, 50m);
        await Payment(vendorId, "BOUNCE-1").RecordAsync(new Remittance(account, "USD", 170m, Received,
            [new PaymentAllocation("I-1", 100m), new PaymentAllocation("I-2", 50m)]));

        var reversed = await Payment(vendorId, "BOUNCE-1").ReverseAsync(new DateOnly(2013, 2, 20));

        Assert.Equal(new DateOnly(2013, 2, 20), reversed.Payment!.ReversedOn);
        Assert.Equal(100m, (await Invoice(vendorId, "I-1")).OpenAmount);
        Assert.Equal(InvoiceStatus.Open, (await Invoice(vendorId, "I-2")).Status);
        var view = (await Grains.GetGrain<ICustomerAccountGrain>(VendorScopedKey.Format(vendorId, account)).GetAsync())!;
        Assert.Empty(view.UnappliedCredit);
    }

    [Fact]
    public async Task Allocation_to_other_account_conflicts()
    {
        var (vendorId, _) = await AccountWithInvoicesAsync(100m);

        var result = await Payment(vendorId, "X-1").RecordAsync(new Remittance("someone-else", "USD", 10m, Received, [new PaymentAllocation("I-1", 10m)]));

        Assert.Equal(PaymentCommandStatus.Conflict, result.Status);
        Assert.Contains("someone-else", result.Error);
        Assert.Equal(100m, (await Invoice(vendorId, "I-1")).OpenAmount);
    }

    [Fact]
    public async Task Allocations_above_amount_conflict()
    {
        var (vendorId, account) = await AccountWithInvoicesAsync(100m);

        var result = await Payment(vendorId, "X-2").RecordAsync(new Remittance(account, "USD", 10m, Received, [new PaymentAllocation("I-1", 20m)]));

        Assert.Equal(PaymentCommandStatus.Conflict, result.Status);
        Assert.Null(await Payment(vendorId, "X-2").GetAsync());
    }

    private async Task<(string VendorId, string Account)> AccountWithInvoicesAsync(params decimal[] amounts)
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "Acme Supply");
        var account = TestData.NewId("acct");
        for (var index = 0; index < amounts.Length; index++)
        {
            await Grains.Invoice(vendorId, $"I-{index + 1}").IssueAsync(TestData.Draft(account, amounts[index]));
        }

        await Grains.GetGrain<ICustomerAccountGrain>(VendorScopedKey.Format(vendorId, account))
            .UpsertAsync(new CustomerContact("Customer", $"ap@{account}.example", null), [.. Enumerable.Range(1, amounts.Length).Select(index => $"I-{index}")]);
        return (vendorId, account);
    }

    private IPaymentGrain Payment(string vendorId, string reference) => Grains.GetGrain<IPaymentGrain>(VendorScopedKey.Format(vendorId, reference));

    private async Task<InvoiceSnapshot> Invoice(string vendorId, string number) => (await Grains.Invoice(vendorId, number).GetAsync())!;
}
