using TermSync.Customers;
using TermSync.Invoices;

namespace TermSync.Grains.Tests.Customers;

[Collection(ClusterCollection.Name)]
public sealed class CustomerAggregateTests(ClusterFixture fixture)
{
    private static readonly DateOnly AsOf = new(2013, 3, 1);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Aggregate_follows_issue_partial_and_full_payment()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "Acme Supply");
        var customerId = TestData.NewId("c");
        var invoice = Grains.Invoice(vendorId, "INV-1");

        await invoice.IssueAsync(TestData.Draft(customerId, 100.00m));
        var issued = await StatementAsync(customerId);
        Assert.Equal(1, issued.OpenCount);
        Assert.Equal(100.00m, issued.Totals.Single().OpenAmount);
        Assert.Equal(100.00m, issued.Totals.Single().PastDueAmount);

        await invoice.ApplyPaymentAsync("p1", 40.25m, new DateOnly(2013, 2, 10));
        var partial = await StatementAsync(customerId);
        Assert.Equal(59.75m, partial.Totals.Single().OpenAmount);
        Assert.Equal(59.75m, partial.Vendors.Single().Invoices.Single().OpenAmount);
        Assert.Equal(28, partial.Vendors.Single().Invoices.Single().DaysPastDue);

        await invoice.ApplyPaymentAsync("p2", 59.75m, new DateOnly(2013, 2, 20));
        var paid = await StatementAsync(customerId);
        Assert.Equal(0, paid.OpenCount);
        Assert.Empty(paid.Vendors);
        Assert.Empty(paid.Totals);
        Assert.Null(paid.OldestDueDate);
    }

    [Fact]
    public async Task Find_statement_of_unbilled_customer_is_null()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "Acme Supply");
        var billedId = TestData.NewId("c");
        await Grains.Invoice(vendorId, "INV-1").IssueAsync(TestData.Draft(billedId, 100.00m));

        var unbilled = await Grains.GetGrain<ICustomerGrain>(TestData.NewId("c")).FindStatementAsync(AsOf);
        var billed = await Grains.GetGrain<ICustomerGrain>(billedId).FindStatementAsync(AsOf);

        Assert.Null(unbilled);
        Assert.NotNull(billed);
        Assert.Equal(100.00m, billed.Totals.Single().OpenAmount);
    }

    [Fact]
    public async Task Partially_paid_invoice_due_later_is_not_past_due()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "Acme Supply");
        var customerId = TestData.NewId("c");
        var invoice = Grains.Invoice(vendorId, "INV-1");

        await invoice.IssueAsync(TestData.Draft(customerId, 80m, issued: "2013-02-20", due: "2013-03-22"));
        await invoice.ApplyPaymentAsync("p1", 30m, new DateOnly(2013, 2, 25));

        var total = (await StatementAsync(customerId)).Totals.Single();
        Assert.Equal(50m, total.OpenAmount);
        Assert.Equal(0m, total.PastDueAmount);
    }

    [Fact]
    public async Task Dispute_moves_amount_from_owed_to_under_review()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "Acme Supply");
        var customerId = TestData.NewId("c");
        await Grains.Invoice(vendorId, "A").IssueAsync(TestData.Draft(customerId, 70m));
        await Grains.Invoice(vendorId, "B").IssueAsync(TestData.Draft(customerId, 30m));

        await Grains.Invoice(vendorId, "B").OpenDisputeAsync("conversation-1", new DateOnly(2013, 1, 5), "pricing", null);
        var disputed = (await StatementAsync(customerId)).Totals.Single();
        Assert.Equal(2, disputed.OpenCount);
        Assert.Equal(100m, disputed.OpenAmount);
        Assert.Equal(30m, disputed.DisputedAmount);
        Assert.Equal(70m, disputed.OwedAmount);

        await Grains.Invoice(vendorId, "B").ResolveDisputeAsync("conversation-1", new DateOnly(2013, 1, 20));
        var resolved = (await StatementAsync(customerId)).Totals.Single();
        Assert.Equal(0m, resolved.DisputedAmount);
        Assert.Equal(100m, resolved.OwedAmount);
    }

    [Fact]
    public async Task Repush_of_same_invoice_is_not_a_duplicate()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "Acme Supply");
        var customerId = TestData.NewId("c");
        var invoice = Grains.Invoice(vendorId, "INV-7");

        var first = await invoice.IssueAsync(TestData.Draft(customerId, 120m));
        var repeat = await invoice.IssueAsync(TestData.Draft(customerId, 120m));
        Assert.Equal(WriteOutcome.Created, first.Outcome);
        Assert.Equal(WriteOutcome.Unchanged, repeat.Outcome);
        Assert.Equal(1, repeat.Invoice!.Version);

        var corrected = await invoice.IssueAsync(TestData.Draft(customerId, 125.5m));
        Assert.Equal(WriteOutcome.Updated, corrected.Outcome);
        Assert.Equal(2, corrected.Invoice!.Version);

        var statement = await StatementAsync(customerId);
        Assert.Equal(1, statement.OpenCount);
        Assert.Equal(125.5m, statement.Totals.Single().OpenAmount);
    }

    [Fact]
    public async Task Statement_bundles_invoices_of_many_vendors()
    {
        var customerId = TestData.NewId("c");
        var vendorIds = new List<string>();
        for (var index = 0; index < 5; index++)
        {
            var vendorId = await TestData.RegisterVendorAsync(Grains, $"Vendor {index}");
            vendorIds.Add(vendorId);
            await Grains.Invoice(vendorId, "1").IssueAsync(TestData.Draft(customerId, 10m * (index + 1)));
            await Grains.Invoice(vendorId, "2").IssueAsync(TestData.Draft(customerId, 1m, due: "2013-04-01"));
        }

        await Grains.Invoice(vendorIds[0], "3").IssueAsync(TestData.Draft(customerId, 5000m, currency: "JPY"));

        var statement = await StatementAsync(customerId);
        Assert.Equal(5, statement.Vendors.Count);
        Assert.Equal(11, statement.OpenCount);
        Assert.Equal(["JPY", "USD"], statement.Totals.Select(total => total.Currency));

        var usd = statement.Totals.Single(total => total.Currency == "USD");
        Assert.Equal(155m, usd.OpenAmount);
        Assert.Equal(150m, usd.PastDueAmount);
        Assert.Equal(5000m, statement.Totals.Single(total => total.Currency == "JPY").OpenAmount);
        Assert.Equal(new DateOnly(2013, 2, 1), statement.OldestDueDate);

        foreach (var vendor in statement.Vendors)
        {
            foreach (var total in vendor.Totals)
            {
                var lines = vendor.Invoices.Where(line => line.Currency == total.Currency).ToList();
                Assert.Equal(lines.Count, total.OpenCount);
                Assert.Equal(lines.Sum(line => line.OpenAmount), total.OpenAmount);
            }
        }
    }

    [Fact]
    public async Task Two_customers_of_one_vendor_stay_apart()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "Acme Supply");
        var first = TestData.NewId("c");
        var second = TestData.NewId("c");

        await Grains.Invoice(vendorId, "F-1").IssueAsync(TestData.Draft(first, 10m));
        await Grains.Invoice(vendorId, "F-2").IssueAsync(TestData.Draft(first, 20m));
        await Grains.Invoice(vendorId, "S-1").IssueAsync(TestData.Draft(second, 300m));

        var firstStatement = await StatementAsync(first);
        var secondStatement = await StatementAsync(second);
        Assert.Equal(30m, firstStatement.Totals.Single().OpenAmount);
        Assert.Equal(2, firstStatement.OpenCount);
        Assert.Equal(300m, secondStatement.Totals.Single().OpenAmount);
        Assert.Equal(["S-1"], secondStatement.Vendors.Single().Invoices.Select(line => line.InvoiceNumber));
    }

    [Fact]
    public async Task Invoice_moved_to_another_customer_leaves_the_first()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "Acme Supply");
        var wrong = TestData.NewId("c");
        var right = TestData.NewId("c");
        var invoice = Grains.Invoice(vendorId, "M-1");

        await invoice.IssueAsync(TestData.Draft(wrong, 45m));
        await invoice.IssueAsync(TestData.Draft(right, 45m));

        Assert.Equal(0, (await StatementAsync(wrong)).OpenCount);
        Assert.Equal(45m, (await StatementAsync(right)).Totals.Single().OpenAmount);
    }

    [Fact]
    public async Task Running_totals_equal_sum_over_invoices()
    {
        var random = new Random(20130630);
        var customerId = TestData.NewId("c");
        var vendorIds = new[] { await TestData.RegisterVendorAsync(Grains, "North"), await TestData.RegisterVendorAsync(Grains, "South") };
        var expected = new Dictionary<string, decimal>();

        for (var step = 0; step < 60; step++)
        {
            var vendorId = vendorIds[random.Next(vendorIds.Length)];
            var number = $"R-{random.Next(12)}";
            var invoice = Grains.Invoice(vendorId, number);
            var current = await invoice.GetAsync();
            if (current is null || random.Next(3) == 0)
            {
                var amount = random.Next(1, 50_000) / 100m;
                var result = await invoice.IssueAsync(TestData.Draft(customerId, amount));
                if (result.Status == InvoiceCommandStatus.Conflict)
                {
                    continue;
                }
            }
            else if (current.IsOpen)
            {
                var payment = Math.Max(0.01m, Math.Round(current.OpenAmount * random.Next(1, 101) / 100m, 2));
                await invoice.ApplyPaymentAsync($"pay-{step}", payment, new DateOnly(2013, 2, 1));
            }

            var after = (await invoice.GetAsync())!;
            expected[$"{vendorId}/{number}"] = after.OpenAmount;
        }

        var statement = await StatementAsync(customerId);
        Assert.Equal(expected.Values.Count(open => open > 0), statement.OpenCount);
        Assert.Equal(expected.Values.Sum(), statement.Totals.Sum(total => total.OpenAmount));
        Assert.Equal(
            statement.Vendors.SelectMany(vendor => vendor.Invoices).Sum(line => line.OpenAmount),
            statement.Totals.Sum(total => total.OpenAmount));
    }

    private Task<CustomerStatement> StatementAsync(string customerId) =>
        Grains.GetGrain<ICustomerGrain>(customerId).GetStatementAsync(AsOf);
}
