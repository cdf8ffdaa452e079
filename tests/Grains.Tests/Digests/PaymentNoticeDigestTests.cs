using TermSync.Digests;
using TermSync.Grains.Tests.Digests.Scheduling;
using TermSync.Grains.Tests.Invoices;
using TermSync.Invoices;

namespace TermSync.Grains.Tests.Digests;

/// <summary>Invoices that digests leave out after a customer promised or reported a payment, and when they return.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PaymentNoticeDigestTests(ClusterFixture fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Promise_excludes_until_date_passes()
    {
        var (customerId, vendorId) = await TwoInvoicesAsync();
        var promised = Today.AddDays(20);
        await Grains.Invoice(vendorId, "HELD-1").RecordPaymentNoticeAsync(customerId, PaymentNoticeTests.Promise(promised));
        var digests = Grains.GetGrain<IDigestGrain>(customerId);

        var before = await digests.PreviewAsync(Today);
        var onDate = await digests.PreviewAsync(promised);
        var after = await digests.PreviewAsync(promised.AddDays(1));

        Assert.Equal(["OTHER-1"], before.Lines.Select(line => line.InvoiceNumber));
        Assert.Equal(["OTHER-1"], onDate.Lines.Select(line => line.InvoiceNumber));
        Assert.Equal(["HELD-1", "OTHER-1"], after.Lines.Select(line => line.InvoiceNumber).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Paid_notice_excludes_clearing_window()
    {
        var (customerId, vendorId) = await TwoInvoicesAsync();
        var paidOn = Today.AddDays(-2);
        await Grains.Invoice(vendorId, "HELD-1").RecordPaymentNoticeAsync(customerId, PaymentNoticeTests.Paid(paidOn, "bank transfer"));
        var digests = Grains.GetGrain<IDigestGrain>(customerId);

        var lastHeld = await digests.PreviewAsync(paidOn.AddDays(PaymentNotice.PaidClearingDays));
        var returned = await digests.PreviewAsync(paidOn.AddDays(PaymentNotice.PaidClearingDays + 1));

        Assert.Equal(["OTHER-1"], lastHeld.Lines.Select(line => line.InvoiceNumber));
        Assert.Equal(["HELD-1", "OTHER-1"], returned.Lines.Select(line => line.InvoiceNumber).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Only_held_invoice_sends_nothing()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var customerId = TestData.NewId("c");
        await Grains.Invoice(vendorId, "HELD-1").IssueAsync(TestData.Draft(customerId, 99m));
        await Grains.Invoice(vendorId, "HELD-1").RecordPaymentNoticeAsync(customerId, PaymentNoticeTests.Promise(Today.AddDays(3)));

        var result = await Grains.GetGrain<IDigestGrain>(customerId).RunAsync(Today, DigestReason.Cycle, null);

        Assert.Equal(DigestRunStatus.NothingActionable, result.Status);
    }

    [Fact]
    public async Task Promise_suppresses_due_soon_and_past_due()
    {
        // Sunday 6 December 2026, 09:00 UTC. The invoice is due on Saturday 12 December, so without the promise a
        // due-soon digest goes out on Wednesday 9 and a past-due one follows the due date.
        var sunday = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
        await using var cluster = await FakeClockCluster.StartAsync(sunday);
        var vendorId = await TestData.RegisterVendorAsync(cluster.Grains, "North");
        var customerId = TestData.NewId("c");
        var invoice = cluster.Grains.Invoice(vendorId, "N-1");
        await invoice.IssueAsync(TestData.Draft(customerId, 80m, issued: "2026-11-12", due: "2026-12-12"));
        await invoice.RecordPaymentNoticeAsync(customerId, PaymentNoticeTests.Promise(new DateOnly(2026, 12, 16)));

        await cluster.TickAsync(customerId, TimeSpan.FromMinutes(30), new DateTimeOffset(2026, 12, 17, 0, 0, 0, TimeSpan.Zero));
        var held = await cluster.HistoryAsync(customerId);
        await cluster.TickAsync(customerId, TimeSpan.FromMinutes(30), new DateTimeOffset(2026, 12, 18, 0, 0, 0, TimeSpan.Zero));
        var after = await cluster.HistoryAsync(customerId);

        Assert.Empty(held);
        var returned = Assert.Single(after);
        Assert.Equal(DigestReason.PastDue, returned.Reason);
        Assert.Equal("N-1", returned.Lines.Single().InvoiceNumber);
    }

    private async Task<(string CustomerId, string VendorId)> TwoInvoicesAsync()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var customerId = TestData.NewId("c");
        await Grains.Invoice(vendorId, "HELD-1").IssueAsync(TestData.Draft(customerId, 120m));
        await Grains.Invoice(vendorId, "OTHER-1").IssueAsync(TestData.Draft(customerId, 80m));
        return (customerId, vendorId);
    }
}
