using TermSync.Digests;

namespace TermSync.Grains.Tests.Digests;

/// <summary>Which invoices a digest shows and with which amounts, re-read from the invoice grains when it is sent.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DigestContentTests(ClusterFixture fixture)
{
    private static readonly DateOnly AsOf = new(2013, 3, 4);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Partly_paid_invoice_shows_open_amount()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var customerId = TestData.NewId("c");
        await Grains.Invoice(vendorId, "PART-1").IssueAsync(TestData.Draft(customerId, 1000m));
        await Grains.Invoice(vendorId, "PAID-1").IssueAsync(TestData.Draft(customerId, 300m));
        await Grains.Invoice(vendorId, "PART-1").ApplyPaymentAsync("p-1", 400m, new DateOnly(2013, 2, 20));
        await Grains.Invoice(vendorId, "PAID-1").ApplyPaymentAsync("p-2", 300m, new DateOnly(2013, 2, 21));

        var digest = (await Grains.GetGrain<IDigestGrain>(customerId).RunAsync(AsOf, DigestReason.Cycle, null)).Digest!;

        var line = Assert.Single(digest.Lines);
        Assert.Equal(("PART-1", 600m, 31), (line.InvoiceNumber, line.OpenAmount, line.DaysPastDue));
    }

    [Fact]
    public async Task Two_vendors_rows_keep_own_amounts()
    {
        var north = await TestData.RegisterVendorAsync(Grains, "North");
        var south = await TestData.RegisterVendorAsync(Grains, "South");
        var customerId = TestData.NewId("c");
        await Grains.Invoice(north, "A").IssueAsync(TestData.Draft(customerId, 123.45m));
        await Grains.Invoice(south, "B").IssueAsync(TestData.Draft(customerId, 678.90m));
        var digests = Grains.GetGrain<IDigestGrain>(customerId);

        var first = (await digests.RunAsync(AsOf, DigestReason.Cycle, null)).Digest!;
        await Grains.Invoice(south, "B").ApplyPaymentAsync("p-b", 678.90m, AsOf);
        var next = (await digests.RunAsync(AsOf.AddDays(7), DigestReason.Cycle, null)).Digest!;

        Assert.Equal(
            [(north, "A", 123.45m), (south, "B", 678.90m)],
            first.Lines.Select(line => (line.VendorId, line.InvoiceNumber, line.OpenAmount)).OrderBy(row => row.InvoiceNumber));
        Assert.Equal(802.35m, first.Lines.Sum(line => line.OpenAmount));
        Assert.Equal([(north, "A", 123.45m)], next.Lines.Select(line => (line.VendorId, line.InvoiceNumber, line.OpenAmount)));
    }

    [Fact]
    public async Task Preview_totals_equal_row_sums()
    {
        var north = await TestData.RegisterVendorAsync(Grains, "North");
        var south = await TestData.RegisterVendorAsync(Grains, "South");
        var customerId = TestData.NewId("c");
        await Grains.Invoice(north, "A").IssueAsync(TestData.Draft(customerId, 123.45m));
        await Grains.Invoice(north, "A2").IssueAsync(TestData.Draft(customerId, 10m, due: "2013-04-01"));
        await Grains.Invoice(south, "B").IssueAsync(TestData.Draft(customerId, 678.90m));
        await Grains.Invoice(south, "B2").IssueAsync(TestData.Draft(customerId, 50m));
        await Grains.Invoice(south, "B2").OpenDisputeAsync("conversation-1", AsOf, "pricing", null);

        var preview = await Grains.GetGrain<IDigestGrain>(customerId).PreviewAsync(AsOf);

        Assert.Equal(
            [("A", 123.45m, false), ("A2", 10m, false), ("B", 678.90m, false), ("B2", 50m, true)],
            preview.Lines.Select(line => (line.InvoiceNumber, line.OpenAmount, line.UnderReview)).OrderBy(row => row.InvoiceNumber));
    }

    [Fact]
    public async Task Only_disputed_invoice_sends_nothing()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var customerId = TestData.NewId("c");
        await Grains.Invoice(vendorId, "HELD-1").IssueAsync(TestData.Draft(customerId, 99m));
        await Grains.Invoice(vendorId, "HELD-1").OpenDisputeAsync("conversation-1", new DateOnly(2013, 2, 5), "quantity", null);

        var result = await Grains.GetGrain<IDigestGrain>(customerId).RunAsync(AsOf, DigestReason.Cycle, null);

        Assert.Equal(DigestRunStatus.NothingActionable, result.Status);
        Assert.Empty(await Grains.GetGrain<IDigestGrain>(customerId).GetHistoryAsync());
    }

    [Fact]
    public async Task Vendor_without_early_reminders_waits_for_due()
    {
        var vendorId = TestData.NewId("v");
        await Grains.GetGrain<TermSync.Vendors.IVendorGrain>(vendorId).RegisterAsync(
            new TermSync.Vendors.VendorProfile("Late Only", $"ar@{vendorId}.example", "UTC", RemindBeforeDue: false));
        var customerId = TestData.NewId("c");
        await Grains.Invoice(vendorId, "NOT-DUE").IssueAsync(TestData.Draft(customerId, 40m, due: "2013-03-20"));
        var digests = Grains.GetGrain<IDigestGrain>(customerId);

        var beforeDue = await digests.RunAsync(AsOf, DigestReason.Cycle, null);
        var afterDue = await digests.RunAsync(new DateOnly(2013, 3, 25), DigestReason.Cycle, null);

        Assert.Equal(DigestRunStatus.NothingActionable, beforeDue.Status);
        Assert.Equal(DigestRunStatus.Sent, afterDue.Status);
        Assert.Equal(5, Assert.Single(afterDue.Digest!.Lines).DaysPastDue);
    }

    [Fact]
    public async Task Moved_invoice_leaves_old_customer()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var customerId = TestData.NewId("c");
        var otherId = TestData.NewId("c");
        await Grains.Invoice(vendorId, "STAY").IssueAsync(TestData.Draft(customerId, 10m));
        await Grains.Invoice(vendorId, "MOVE").IssueAsync(TestData.Draft(customerId, 20m));
        await Grains.Invoice(vendorId, "MOVE").MoveToCustomerAsync(customerId, new TermSync.Invoices.CustomerReference(otherId, "Other", $"ap@{otherId}.example"));

        var digest = (await Grains.GetGrain<IDigestGrain>(customerId).RunAsync(AsOf, DigestReason.Cycle, null)).Digest!;

        Assert.Equal(["STAY"], digest.Lines.Select(line => line.InvoiceNumber));
    }

    [Fact]
    public async Task Vendor_request_counts_as_period_digest()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var customerId = TestData.NewId("c");
        await Grains.Invoice(vendorId, "X-1").IssueAsync(TestData.Draft(customerId, 10m));
        var digests = Grains.GetGrain<IDigestGrain>(customerId);

        var requested = await digests.RunAsync(AsOf, DigestReason.VendorRequest, vendorId);
        var cycle = await digests.RunAsync(AsOf.AddDays(2), DigestReason.Cycle, null);

        Assert.Equal(DigestRunStatus.Sent, requested.Status);
        Assert.Equal(vendorId, requested.Digest!.RequestedBy);
        Assert.Equal(DigestRunStatus.AlreadySent, cycle.Status);
        Assert.Equal(requested.Digest.DigestId, cycle.Digest!.DigestId);
    }
}
