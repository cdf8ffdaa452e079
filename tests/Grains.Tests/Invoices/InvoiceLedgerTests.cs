using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using TermSync.Grains.Ledger;

namespace TermSync.Grains.Tests.Invoices;

/// <summary>The receivables ledger entries that invoice commands append, read from every silo's in-memory ledger.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InvoiceLedgerTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Lifecycle_appends_one_entry_per_change()
    {
        var vendorId = await TestData.RegisterVendorAsync(fixture.Grains, "Acme Supply");
        var invoice = fixture.Grains.Invoice(vendorId, "INV-1");
        var customerId = TestData.NewId("c");

        await invoice.IssueAsync(TestData.Draft(customerId, 1000m));
        await invoice.IssueAsync(TestData.Draft(customerId, 1200m));
        await invoice.ApplyPaymentAsync("bank-1", 300m, new DateOnly(2013, 1, 20));
        await invoice.ApplyPaymentAsync("bank-1", 300m, new DateOnly(2013, 1, 20));
        await invoice.ReversePaymentAsync("bank-1", new DateOnly(2013, 1, 25));
        await invoice.ApplyCreditAsync("CN-1", 100m, new DateOnly(2013, 1, 26));
        await invoice.WriteOffAsync(new DateOnly(2013, 3, 1));

        var entries = EntriesOf(vendorId, "INV-1").ToDictionary(entry => entry.EntryKey, StringComparer.Ordinal);
        Assert.Equal(["amended-v2", "credit:CN-1", "issued", "payment:bank-1", "reversal:bank-1", "write-off"], entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((LedgerEntryKind.Issued, 1000m, new DateOnly(2013, 1, 2)), Describe(entries["issued"]));
        Assert.Equal((LedgerEntryKind.AmountAdjusted, 200m, new DateOnly(2013, 1, 2)), Describe(entries["amended-v2"]));
        Assert.Equal((LedgerEntryKind.Payment, 300m, new DateOnly(2013, 1, 20)), Describe(entries["payment:bank-1"]));
        Assert.Equal((LedgerEntryKind.PaymentReversal, 300m, new DateOnly(2013, 1, 25)), Describe(entries["reversal:bank-1"]));
        Assert.Equal((LedgerEntryKind.Credit, 100m, new DateOnly(2013, 1, 26)), Describe(entries["credit:CN-1"]));
        Assert.Equal((LedgerEntryKind.WriteOff, 1100m, new DateOnly(2013, 3, 1)), Describe(entries["write-off"]));
        Assert.All(entries.Values, entry => Assert.Equal(customerId, entry.CustomerId));
    }

    [Fact]
    public async Task Void_appends_void_entry()
    {
        var vendorId = await TestData.RegisterVendorAsync(fixture.Grains, "Acme Supply");
        var invoice = fixture.Grains.Invoice(vendorId, "INV-2");

        await invoice.IssueAsync(TestData.Draft(TestData.NewId("c"), 50m));
        await invoice.VoidAsync(new DateOnly(2013, 1, 10));

        var entries = EntriesOf(vendorId, "INV-2").ToDictionary(entry => entry.EntryKey, StringComparer.Ordinal);
        Assert.Equal(["issued", "void"], entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((LedgerEntryKind.Void, 0m, new DateOnly(2013, 1, 10)), Describe(entries["void"]));
    }

    private IEnumerable<LedgerEntry> EntriesOf(string vendorId, string invoiceNumber) =>
        fixture.Cluster.Silos
            .OfType<InProcessSiloHandle>()
            .SelectMany(silo => ((InMemoryReceivablesLedger)silo.SiloHost.Services.GetRequiredService<IReceivablesLedger>()).Entries)
            .Where(entry => entry.VendorId == vendorId && entry.InvoiceNumber == invoiceNumber);

    private static (LedgerEntryKind Kind, decimal Amount, DateOnly BusinessDate) Describe(LedgerEntry entry) =>
        (entry.Kind, entry.Amount, entry.BusinessDate);
}
