using TermSync.Accounts;
using TermSync.Customers;
using TermSync.Invoices;

namespace TermSync.Grains.Tests.Accounts;

[Collection(ClusterCollection.Name)]
public sealed class AccountLinkingTests(ClusterFixture fixture)
{
    private static readonly DateOnly AsOf = new(2013, 3, 1);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Same_mailbox_at_two_vendors_is_one_customer()
    {
        var mailbox = $"{TestData.NewId("ap")}@buyer.example";
        var north = await TestData.RegisterVendorAsync(Grains, "North");
        var south = await TestData.RegisterVendorAsync(Grains, "South");

        var first = await IssueAsync(north, "N-100", "N-1", new CustomerContact("Buyer Ltd", mailbox, null), 10m);
        var second = await IssueAsync(south, "S-7", "S-1", new CustomerContact("Buyer Limited", $"  {mailbox.ToUpperInvariant()} ", null), 20m);

        Assert.Equal(first, second);
        var statement = await Grains.GetGrain<ICustomerGrain>(first).GetStatementAsync(AsOf);
        Assert.Equal(2, statement.Vendors.Count);
        Assert.Equal(30m, statement.Totals.Single().OpenAmount);
    }

    [Fact]
    public async Task Tax_id_links_accounts_with_different_mailboxes()
    {
        var taxId = $"DE{Random.Shared.NextInt64(100_000_000, 999_999_999)}";
        var north = await TestData.RegisterVendorAsync(Grains, "North");
        var south = await TestData.RegisterVendorAsync(Grains, "South");

        var first = await IssueAsync(north, "N-1", "N-1", new CustomerContact("Buyer", $"{TestData.NewId("a")}@buyer.example", taxId), 10m);
        var second = await IssueAsync(south, "S-1", "S-1", new CustomerContact("Buyer", $"{TestData.NewId("b")}@buyer.example", $"de {taxId[2..]}"), 20m);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Relinking_moves_open_invoices_exactly()
    {
        var north = await TestData.RegisterVendorAsync(Grains, "North");
        var south = await TestData.RegisterVendorAsync(Grains, "South");
        var oldMailbox = $"{TestData.NewId("old")}@buyer.example";
        var newMailbox = $"{TestData.NewId("new")}@buyer.example";

        var oldCustomer = await IssueAsync(north, "ACC-1", "N-1", new CustomerContact("Buyer", oldMailbox, null), 100m);
        await IssueAsync(north, "ACC-1", "N-2", new CustomerContact("Buyer", oldMailbox, null), 50m);
        await Grains.Invoice(north, "N-2").ApplyPaymentAsync("p", 20m, new DateOnly(2013, 2, 1));
        var newCustomer = await IssueAsync(south, "S-1", "S-1", new CustomerContact("Buyer", newMailbox, null), 7m);

        var relinked = await Account(north, "ACC-1").UpsertAsync(new CustomerContact("Buyer", newMailbox, null), []);

        Assert.Equal(newCustomer, relinked);
        var before = await Grains.GetGrain<ICustomerGrain>(oldCustomer).GetStatementAsync(AsOf);
        var after = await Grains.GetGrain<ICustomerGrain>(newCustomer).GetStatementAsync(AsOf);
        Assert.Equal(0, before.OpenCount);
        Assert.Equal(3, after.OpenCount);
        Assert.Equal(137m, after.Totals.Single().OpenAmount);
        Assert.Equal(newCustomer, (await Grains.Invoice(north, "N-1").GetAsync())!.Customer.Id);
    }

    [Fact]
    public async Task Relink_skips_invoice_amended_elsewhere()
    {
        var north = await TestData.RegisterVendorAsync(Grains, "North");
        var first = new CustomerContact("Buyer A", $"{TestData.NewId("a")}@buyer.example", null);
        var second = new CustomerContact("Buyer B", $"{TestData.NewId("b")}@buyer.example", null);
        await IssueAsync(north, "ACC-A", "N-1", first, 10m);

        // The vendor corrects the invoice's account, which leaves N-1 among the invoice numbers of ACC-A.
        var secondCustomer = await IssueAsync(north, "ACC-B", "N-1", second, 10m);
        await Account(north, "ACC-A").UpsertAsync(first with { Email = $"{TestData.NewId("a2")}@buyer.example" }, []);

        Assert.Equal(secondCustomer, (await Grains.Invoice(north, "N-1").GetAsync())!.Customer.Id);
        Assert.Equal(10m, (await Grains.GetGrain<ICustomerGrain>(secondCustomer).GetStatementAsync(AsOf)).Totals.Single().OpenAmount);
    }

    [Fact]
    public async Task Account_without_email_or_tax_id_stands_alone()
    {
        var north = await TestData.RegisterVendorAsync(Grains, "North");
        var south = await TestData.RegisterVendorAsync(Grains, "South");

        var first = await IssueAsync(north, "SHARED", "N-1", new CustomerContact("Walk-in", null, null), 10m);
        var second = await IssueAsync(south, "SHARED", "S-1", new CustomerContact("Walk-in", null, null), 10m);

        Assert.NotEqual(first, second);
    }

    private async Task<string> IssueAsync(string vendorId, string accountNumber, string invoiceNumber, CustomerContact contact, decimal amount)
    {
        var customerId = await Account(vendorId, accountNumber).UpsertAsync(contact, [invoiceNumber]);
        var draft = new InvoiceDraft(new CustomerReference(customerId, contact.Name, contact.Email), "USD", amount, new DateOnly(2013, 1, 2), new DateOnly(2013, 2, 1), accountNumber);
        await Grains.Invoice(vendorId, invoiceNumber).IssueAsync(draft);
        return customerId;
    }

    private ICustomerAccountGrain Account(string vendorId, string accountNumber) =>
        Grains.GetGrain<ICustomerAccountGrain>(VendorScopedKey.Format(vendorId, accountNumber));
}
