using TermSync.Digests;
using TermSync.Invoices;

namespace TermSync.Grains.Tests.Digests;

[Collection(ClusterCollection.Name)]
public sealed class DigestGrainTests(ClusterFixture fixture)
{
    private static readonly DateOnly AsOf = new(2013, 3, 1);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Digest_is_sent_once_per_period()
    {
        var customerId = await CustomerWithThreeVendorsAsync();
        var digest = Grains.GetGrain<IDigestGrain>(customerId);

        var first = await digest.RunAsync(AsOf, DigestReason.Cycle, null);
        var sameWeek = await digest.RunAsync(AsOf.AddDays(1), DigestReason.Cycle, null);
        var nextWeek = await digest.RunAsync(AsOf.AddDays(7), DigestReason.Cycle, null);

        Assert.Equal(DigestRunStatus.Sent, first.Status);
        Assert.Equal(DigestRunStatus.AlreadySent, sameWeek.Status);
        Assert.Equal(first.Digest!.DigestId, sameWeek.Digest!.DigestId);
        Assert.Equal(DigestRunStatus.Sent, nextWeek.Status);
        Assert.Equal(["2013-02-25", "2013-03-04"], (await digest.GetHistoryAsync()).Select(record => record.Period));
    }

    [Fact]
    public async Task Digest_files_bundle_all_vendors()
    {
        var customerId = await CustomerWithThreeVendorsAsync();

        var record = (await Grains.GetGrain<IDigestGrain>(customerId).RunAsync(AsOf, DigestReason.Cycle, null)).Digest!;

        Assert.Equal(3, record.VendorCount);
        Assert.Equal(4, record.InvoiceCount);
        Assert.StartsWith(fixture.OutboxPath, record.Location);
        var html = await File.ReadAllTextAsync(record.Location!, TestContext.Current.CancellationToken);
        var text = await File.ReadAllTextAsync(Path.ChangeExtension(record.Location!, ".txt"), TestContext.Current.CancellationToken);
        foreach (var vendor in new[] { "North &amp; Sons", "South", "East" })
        {
            Assert.Contains(vendor, html);
        }

        Assert.Contains("North & Sons", text);
        Assert.DoesNotContain("North & Sons", html);
        foreach (var link in new[] { "pay", "ask", "statement", "unsubscribe" })
        {
            Assert.Contains($"https://termsync.test/links/{link}?token=", html);
            Assert.Contains($"https://termsync.test/links/{link}?token=", text);
        }

        Assert.Contains("Invoice N-1, issued Wednesday, January 2, 2013, due Friday, February 1, 2013: 100.00 USD open, Past due 28 days", text);
        Assert.Contains("Invoice E-1, issued Wednesday, January 2, 2013, due Friday, February 1, 2013: 1,200 JPY open, Past due 28 days", text);
        Assert.Contains("Total owed to North & Sons: 105.00 USD", text);
    }

    [Fact]
    public async Task Disputed_invoice_is_under_review_not_owed()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var customerId = TestData.NewId("c");
        await Grains.Invoice(vendorId, "OWED-1").IssueAsync(TestData.Draft(customerId, 10m));
        await Grains.Invoice(vendorId, "HELD-1").IssueAsync(TestData.Draft(customerId, 99m));
        await Grains.Invoice(vendorId, "HELD-1").OpenDisputeAsync("conversation-1", new DateOnly(2013, 1, 5), "quantity", null);

        var preview = await Grains.GetGrain<IDigestGrain>(customerId).PreviewAsync(AsOf);

        var underReview = preview.Text[preview.Text.IndexOf("Under review", StringComparison.Ordinal)..];
        var owedPart = preview.Text[..preview.Text.IndexOf("Under review", StringComparison.Ordinal)];
        Assert.Contains("HELD-1", underReview);
        Assert.DoesNotContain("HELD-1", owedPart);
        Assert.Contains("OWED-1", owedPart);
        Assert.Contains("USD: owed 10.00 USD, of which past due 10.00 USD; under review 99.00 USD", preview.Text);
        Assert.Equal("Your open invoices from 1 vendor: 10.00 USD owed", preview.Subject);
    }

    [Fact]
    public async Task Customer_owing_nothing_gets_no_digest()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var customerId = TestData.NewId("c");
        var invoice = Grains.Invoice(vendorId, "X-1");
        await invoice.IssueAsync(TestData.Draft(customerId, 10m));
        await invoice.ApplyPaymentAsync("p", 10m, new DateOnly(2013, 1, 10));

        var result = await Grains.GetGrain<IDigestGrain>(customerId).RunAsync(AsOf, DigestReason.Cycle, null);

        Assert.Equal(DigestRunStatus.NothingActionable, result.Status);
        Assert.Empty(await Grains.GetGrain<IDigestGrain>(customerId).GetHistoryAsync());
    }

    [Fact]
    public async Task Paid_invoice_leaves_next_digest()
    {
        var customerId = await CustomerWithThreeVendorsAsync();
        var digest = Grains.GetGrain<IDigestGrain>(customerId);
        await digest.RunAsync(AsOf, DigestReason.Cycle, null);

        var statement = await Grains.GetGrain<TermSync.Customers.ICustomerGrain>(customerId).GetStatementAsync(AsOf);
        var paidVendor = statement.Vendors[0];
        var paidLine = paidVendor.Invoices[0];
        await Grains.Invoice(paidVendor.VendorId, paidLine.InvoiceNumber)
            .ApplyPaymentAsync("p", paidLine.OpenAmount, AsOf);

        var next = (await digest.RunAsync(AsOf.AddDays(7), DigestReason.Cycle, null)).Digest!;
        var text = await File.ReadAllTextAsync(Path.ChangeExtension(next.Location!, ".txt"), TestContext.Current.CancellationToken);
        Assert.Equal(3, next.InvoiceCount);
        Assert.DoesNotContain($"Invoice {paidLine.InvoiceNumber},", text);
    }

    private async Task<string> CustomerWithThreeVendorsAsync()
    {
        var customerId = TestData.NewId("c");
        var north = await TestData.RegisterVendorAsync(Grains, "North & Sons");
        var south = await TestData.RegisterVendorAsync(Grains, "South");
        var east = await TestData.RegisterVendorAsync(Grains, "East");

        await Grains.Invoice(north, "N-1").IssueAsync(TestData.Draft(customerId, 100m));
        await Grains.Invoice(north, "N-2").IssueAsync(TestData.Draft(customerId, 5m, due: "2013-03-15"));
        await Grains.Invoice(south, "S-1").IssueAsync(TestData.Draft(customerId, 7.5m));
        await Grains.Invoice(east, "E-1").IssueAsync(TestData.Draft(customerId, 1200m, currency: "JPY"));
        return customerId;
    }
}
