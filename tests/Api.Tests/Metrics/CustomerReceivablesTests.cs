using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TermSync.Api.Tests.Metrics;

/// <summary>
/// Receivables metrics of one network customer, read through the API from the PostgreSQL ledger: each vendor's share on
/// the vendor's route, and the customer's figures across its vendors on the analysts' route. Each test uses its own
/// vendors and customers. Accounts of the same name at two vendors share a mailbox, so they are one network customer.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerReceivablesTests(ApiFixture fixture)
{
    private const string MonthlyQuery = "from=2022-01-01&to=2022-03-15&interval=monthly&windowDays=90";

    /// <summary>The money figures of one currency that add up over vendors, each as its path of property names.</summary>
    private static readonly string[][] MoneyFigures =
    [
        ["aging", "totalAr"],
        ["aging", "currentAr"],
        ["aging", "current", "amount"],
        ["aging", "days1To30", "amount"],
        ["aging", "days31To60", "amount"],
        ["aging", "days61To90", "amount"],
        ["aging", "days91Plus", "amount"],
        ["dso", "totalAr"],
        ["dso", "creditSales"],
        ["cei", "monthly", "beginningAr"],
        ["cei", "monthly", "creditSales"],
        ["cei", "quarterly", "beginningAr"],
        ["cei", "quarterly", "creditSales"],
        ["writeOffs", "amount"],
    ];

    [Fact]
    public async Task Two_vendors_shares_add_up()
    {
        using var ledger = await CreateTwoVendorLedgerAsync();
        var (first, second, customerId) = ledger;
        using var analyst = await CreateAnalystClientAsync();

        var firstShare = await ReadShareAsync(first, customerId, "2022-03-15");
        var secondShare = await ReadShareAsync(second, customerId, "2022-03-15");
        var customer = await ReadCustomerAsync(analyst, customerId, "2022-03-15");

        // First Supply: A1 has 600 open, 34 days past due. A2 is billed to another customer and left out, so sales
        // are A1's 1000. DSO = 600 / 1000 × 90 = 54, and nothing is current, so BPDSO is 0.
        var firstUsd = SingleUsd(firstShare);
        AssertAging(firstUsd, total: 600m, current: 0m, days31To60: 600m, openCount: 1);
        AssertDso(firstUsd, creditSales: 1000m, salesCount: 1, dso: 54m, bestPossible: 0m, delinquent: 54m);

        // Second Supply: B1 is 500 and current. DSO = BPDSO = 500 / 500 × 90.
        var secondUsd = SingleUsd(secondShare);
        AssertAging(secondUsd, total: 500m, current: 500m, days31To60: 0m, openCount: 1);
        AssertDso(secondUsd, creditSales: 500m, salesCount: 1, dso: 90m, bestPossible: 90m, delinquent: 0m);

        // The customer: DSO = 1100 / 1500 × 90 = 66 and BPDSO = 500 / 1500 × 90 = 30, which no sum of the shares gives.
        var customerUsd = SingleUsd(customer);
        AssertAging(customerUsd, total: 1100m, current: 500m, days31To60: 600m, openCount: 2);
        AssertDso(customerUsd, creditSales: 1500m, salesCount: 2, dso: 66m, bestPossible: 30m, delinquent: 36m);

        List<string> vendorIds = [.. customer.GetProperty("vendors").EnumerateArray().Select(share => share.GetProperty("vendorId").GetString()!)];
        Assert.Equal([.. new[] { first.VendorId, second.VendorId }.Order(StringComparer.Ordinal)], vendorIds);
        Assert.Equal(firstShare.GetProperty("currencies").GetRawText(), ShareOf(customer, first.VendorId).GetRawText());
        Assert.Equal(secondShare.GetProperty("currencies").GetRawText(), ShareOf(customer, second.VendorId).GetRawText());
        foreach (var path in MoneyFigures)
        {
            var total = Figure(customerUsd, path);
            var sum = Figure(firstUsd, path) + Figure(secondUsd, path);
            Assert.True(total == sum, $"{string.Join('.', path)} of the customer is {total}, but the vendors' shares add up to {sum}.");
        }
    }

    [Fact]
    public async Task Series_points_equal_as_of_reads()
    {
        using var ledger = await CreateTwoVendorLedgerAsync();
        var (first, second, customerId) = ledger;
        using var analyst = await CreateAnalystClientAsync();

        var shareSeries = await (await first.Client.GetAsync(
            $"/vendors/{first.VendorId}/customers/{customerId}/metrics/receivables/series?{MonthlyQuery}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var customerSeries = await (await analyst.GetAsync(
            $"/metrics/customers/{customerId}/receivables/series?{MonthlyQuery}", TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal(first.VendorId, shareSeries.GetProperty("vendorId").GetString());
        Assert.Equal(customerId, shareSeries.GetProperty("customerId").GetString());
        Assert.Equal(customerId, customerSeries.GetProperty("customerId").GetString());
        Assert.Equal(["2022-01-31", "2022-02-28", "2022-03-15"], AsOfDates(shareSeries));
        Assert.Equal(["2022-01-31", "2022-02-28", "2022-03-15"], AsOfDates(customerSeries));

        // Second Supply's only invoice is issued on 2022-02-15, so January lists First Supply alone.
        Assert.Equal([first.VendorId], VendorIdsAt(customerSeries, 0));
        Assert.Equal([.. new[] { first.VendorId, second.VendorId }.Order(StringComparer.Ordinal)], VendorIdsAt(customerSeries, 1));
        for (var index = 0; index < 3; index++)
        {
            var asOf = AsOfDates(customerSeries)[index];
            var share = await ReadShareAsync(first, customerId, asOf);
            var customer = await ReadCustomerAsync(analyst, customerId, asOf);
            var sharePoint = shareSeries.GetProperty("points")[index];
            var customerPoint = customerSeries.GetProperty("points")[index];

            Assert.Equal(share.GetProperty("currencies").GetRawText(), sharePoint.GetProperty("currencies").GetRawText());
            Assert.Equal(customer.GetProperty("currencies").GetRawText(), customerPoint.GetProperty("currencies").GetRawText());
            Assert.Equal(customer.GetProperty("vendors").GetRawText(), customerPoint.GetProperty("vendors").GetRawText());
        }
    }

    [Fact]
    public async Task Csv_exports_list_vendor_rows()
    {
        using var ledger = await CreateTwoVendorLedgerAsync();
        var (first, second, customerId) = ledger;
        using var analyst = await CreateAnalystClientAsync();
        var (lower, higher) = string.CompareOrdinal(first.VendorId, second.VendorId) < 0 ? (first.VendorId, second.VendorId) : (second.VendorId, first.VendorId);

        var customerCsv = await analyst.GetAsync($"/metrics/customers/{customerId}/receivables/series?{MonthlyQuery}&format=csv", TestContext.Current.CancellationToken);
        var shareCsv = await first.Client.GetAsync(
            $"/vendors/{first.VendorId}/customers/{customerId}/metrics/receivables/series?{MonthlyQuery}&format=csv", TestContext.Current.CancellationToken);
        var customerLines = (await customerCsv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n");
        var shareLines = (await shareCsv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n");

        Assert.Equal(HttpStatusCode.OK, customerCsv.StatusCode);
        Assert.Equal("text/csv", customerCsv.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"receivables-customer-{customerId}-2022-01-01-2022-03-15-monthly.csv", customerCsv.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.StartsWith("vendorId,asOf,currency,windowDays,totalAr,", customerLines[0], StringComparison.Ordinal);
        string[] expectedStarts =
        [
            ",2022-01-31,USD,",
            $"{first.VendorId},2022-01-31,USD,",
            ",2022-02-28,USD,",
            $"{lower},2022-02-28,USD,",
            $"{higher},2022-02-28,USD,",
            ",2022-03-15,USD,",
            $"{lower},2022-03-15,USD,",
            $"{higher},2022-03-15,USD,",
        ];
        Assert.Equal(expectedStarts.Length + 2, customerLines.Length);
        for (var index = 0; index < expectedStarts.Length; index++)
        {
            Assert.StartsWith(expectedStarts[index], customerLines[index + 1], StringComparison.Ordinal);
        }

        // The customer's 2022-03-15 row: CEI for March is (1100 + 0 − 1100) / (1100 + 0 − 500) = 0, and the quarter's
        // denominator 0 + 1500 / 3 − 500 is zero, so its cell is empty. Nothing was settled in the window.
        Assert.Equal(",2022-03-15,USD,90,1100.00,500.00,500.00,0.00,600.00,0.00,0.00,2,1500.00,2,66.00,30.00,36.00,61.60,0.00,,0,,,,2,0.00,100.00,0,0.00", customerLines[6]);
        Assert.Equal(string.Empty, customerLines[^1]);

        Assert.Equal(HttpStatusCode.OK, shareCsv.StatusCode);
        Assert.Equal($"receivables-{first.VendorId}-customer-{customerId}-2022-01-01-2022-03-15-monthly.csv", shareCsv.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.StartsWith("asOf,currency,windowDays,totalAr,", shareLines[0], StringComparison.Ordinal);
        Assert.Equal(5, shareLines.Length);
        Assert.StartsWith("2022-03-15,USD,90,600.00,0.00,0.00,0.00,600.00,", shareLines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_dated_payment_changes_customer_past()
    {
        using var first = await fixture.CreateVendorClientAsync("First Supply");
        using var second = await fixture.CreateVendorClientAsync("Second Supply");
        var account = ApiRequests.NewId("acct");
        var customerId = await ReceivablesLedgerRequests.IssueToAsync(first, account, "BACK-A", 1000m, "2023-01-05", "2023-02-04");
        await ReceivablesLedgerRequests.IssueToAsync(second, account, "BACK-B", 300m, "2023-03-01", "2023-03-31");
        using var analyst = await CreateAnalystClientAsync();
        var shareBefore = SingleUsd(await ReadShareAsync(first, customerId, "2023-03-31"));
        var customerBefore = SingleUsd(await ReadCustomerAsync(analyst, customerId, "2023-03-31"));

        await ReceivablesLedgerRequests.PayAsync(first, "BACK-A", "back-a-pay", 400m, "2023-03-10");
        var shareAfter = SingleUsd(await ReadShareAsync(first, customerId, "2023-03-31"));
        var customerAfter = await ReadCustomerAsync(analyst, customerId, "2023-03-31");
        var dayBeforePayment = SingleUsd(await ReadCustomerAsync(analyst, customerId, "2023-03-09"));

        // BACK-A is 55 days past due on 2023-03-31 and BACK-B is current.
        AssertAging(shareBefore, total: 1000m, current: 0m, days31To60: 1000m, openCount: 1);
        AssertAging(customerBefore, total: 1300m, current: 300m, days31To60: 1000m, openCount: 2);
        AssertAging(shareAfter, total: 600m, current: 0m, days31To60: 600m, openCount: 1);
        AssertAging(SingleUsd(customerAfter), total: 900m, current: 300m, days31To60: 600m, openCount: 2);
        Assert.Equal(600m, SingleUsdOf(ShareOf(customerAfter, first.VendorId)).GetProperty("aging").GetProperty("totalAr").GetDecimal());
        Assert.Equal(300m, SingleUsdOf(ShareOf(customerAfter, second.VendorId)).GetProperty("aging").GetProperty("totalAr").GetDecimal());
        Assert.Equal(1300m, dayBeforePayment.GetProperty("aging").GetProperty("totalAr").GetDecimal());
    }

    [Fact]
    public async Task Moved_invoice_leaves_old_customer()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        using var analyst = await CreateAnalystClientAsync();
        var account = ApiRequests.NewId("acct");
        var oldCustomerId = await ReceivablesLedgerRequests.IssueToAsync(vendor, account, "MOVE-1", 800m, "2024-01-10", "2024-02-09");
        var before = await ReadShareAsync(vendor, oldCustomerId, "2024-01-31");

        var relinked = await (await vendor.Client.PutAsJsonAsync(
            $"/vendors/{vendor.VendorId}/customers/{account}",
            new { name = "Moved customer", email = $"ap@{ApiRequests.NewId("moved")}.example" },
            TestContext.Current.CancellationToken)).ReadJsonAsync();
        var newCustomerId = relinked.GetProperty("customerId").GetString()!;
        var oldShare = await ReadShareAsync(vendor, oldCustomerId, "2024-01-31");
        var newShare = await ReadShareAsync(vendor, newCustomerId, "2024-01-31");
        var oldCustomer = await ReadCustomerAsync(analyst, oldCustomerId, "2024-01-31");
        var newCustomer = await ReadCustomerAsync(analyst, newCustomerId, "2024-01-31");

        Assert.NotEqual(oldCustomerId, newCustomerId);
        Assert.Equal(800m, SingleUsd(before).GetProperty("aging").GetProperty("totalAr").GetDecimal());
        Assert.Equal(0, oldShare.GetProperty("currencies").GetArrayLength());
        Assert.Equal(800m, SingleUsd(newShare).GetProperty("aging").GetProperty("totalAr").GetDecimal());
        Assert.Equal(0, oldCustomer.GetProperty("currencies").GetArrayLength());
        Assert.Equal(0, oldCustomer.GetProperty("vendors").GetArrayLength());
        Assert.Equal(800m, SingleUsd(newCustomer).GetProperty("aging").GetProperty("totalAr").GetDecimal());
    }

    [Fact]
    public async Task Customer_without_invoices_gets_no_figures()
    {
        using var ledger = await CreateTwoVendorLedgerAsync();
        var (first, second, customerId) = ledger;
        using var other = await fixture.CreateVendorClientAsync("Other Supply");
        using var analyst = await CreateAnalystClientAsync();
        var unbilledCustomerId = ApiRequests.NewId("cus");

        var otherShare = await ReadShareAsync(other, customerId, "2022-03-15");
        var unbilledShare = await ReadShareAsync(first, unbilledCustomerId, "2022-03-15");
        var otherSeries = await (await other.Client.GetAsync(
            $"/vendors/{other.VendorId}/customers/{customerId}/metrics/receivables/series?{MonthlyQuery}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var unbilledCustomer = await analyst.GetAsync($"/metrics/customers/{unbilledCustomerId}/receivables?asOf=2022-03-15", TestContext.Current.CancellationToken);
        var unbilledSeries = await analyst.GetAsync($"/metrics/customers/{unbilledCustomerId}/receivables/series?{MonthlyQuery}", TestContext.Current.CancellationToken);

        Assert.Equal(0, otherShare.GetProperty("currencies").GetArrayLength());
        Assert.Equal(0, unbilledShare.GetProperty("currencies").GetArrayLength());
        Assert.Equal(3, otherSeries.GetProperty("points").GetArrayLength());
        Assert.All(otherSeries.GetProperty("points").EnumerateArray(), point => Assert.Equal(0, point.GetProperty("currencies").GetArrayLength()));
        Assert.Contains($"No vendor has billed a customer '{unbilledCustomerId}'", await HttpAssertions.AssertProblemAsync(unbilledCustomer, HttpStatusCode.NotFound));
        Assert.Contains($"No vendor has billed a customer '{unbilledCustomerId}'", await HttpAssertions.AssertProblemAsync(unbilledSeries, HttpStatusCode.NotFound));
        Assert.Equal(1, SingleUsd(await ReadShareAsync(second, customerId, "2022-03-15")).GetProperty("aging").GetProperty("openInvoiceCount").GetInt32());
    }

    [Fact]
    public async Task No_sales_in_window_gives_null_dso()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        using var analyst = await CreateAnalystClientAsync();
        var customerId = await ReceivablesLedgerRequests.IssueToAsync(vendor, ApiRequests.NewId("acct"), "QUIET-1", 700m, "2015-01-10", "2015-02-09");

        var share = SingleUsd(await ReadShareAsync(vendor, customerId, "2015-06-30", windowDays: 30));
        var customer = SingleUsd(await ReadCustomerAsync(analyst, customerId, "2015-06-30", windowDays: 30));

        foreach (var figures in new[] { share, customer })
        {
            var dso = figures.GetProperty("dso");
            Assert.Equal(700m, dso.GetProperty("totalAr").GetDecimal());
            Assert.Equal(0m, dso.GetProperty("creditSales").GetDecimal());
            Assert.Equal(0, dso.GetProperty("salesInvoiceCount").GetInt32());
            Assert.Equal(JsonValueKind.Null, dso.GetProperty("dso").ValueKind);
            Assert.Equal(JsonValueKind.Null, dso.GetProperty("bestPossibleDso").ValueKind);
            Assert.Equal(JsonValueKind.Null, dso.GetProperty("averageDaysDelinquent").ValueKind);
            Assert.Equal(0, figures.GetProperty("disputeRate").GetProperty("issuedInvoiceCount").GetInt32());
            Assert.Equal(JsonValueKind.Null, figures.GetProperty("disputeRate").GetProperty("disputeRatePercent").ValueKind);
        }
    }

    [Fact]
    public async Task Other_vendors_key_gets_404()
    {
        using var owner = await fixture.CreateVendorClientAsync("Owner");
        using var intruder = await fixture.CreateVendorClientAsync("Intruder");
        var customerId = await ReceivablesLedgerRequests.IssueToAsync(owner, ApiRequests.NewId("acct"), "OWN-1", 100m, "2022-01-10", "2022-02-09");
        var unknownVendorId = ApiRequests.NewId("v");
        var unknownVendor = await fixture.Client.GetAsync($"/vendors/{unknownVendorId}", TestContext.Current.CancellationToken);
        var unknownVendorBody = await unknownVendor.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        foreach (var route in new[] { "metrics/receivables?asOf=2022-01-31", $"metrics/receivables/series?{MonthlyQuery}" })
        {
            var path = $"/vendors/{owner.VendorId}/customers/{customerId}/{route}";

            var asIntruder = await intruder.Client.GetAsync(path, TestContext.Current.CancellationToken);
            var asOwner = await owner.Client.GetAsync(path, TestContext.Current.CancellationToken);

            var body = await asIntruder.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            await HttpAssertions.AssertProblemAsync(asIntruder, HttpStatusCode.NotFound);
            Assert.Equal(unknownVendorBody, body.Replace(owner.VendorId, unknownVendorId, StringComparison.Ordinal));
            Assert.DoesNotContain(customerId, body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, asOwner.StatusCode);
        }
    }

    [Fact]
    public async Task Wrong_key_kind_gets_403()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        using var analyst = await CreateAnalystClientAsync();
        var customerId = await ReceivablesLedgerRequests.IssueToAsync(vendor, ApiRequests.NewId("acct"), "KIND-1", 100m, "2022-01-10", "2022-02-09");
        string[] vendorRoutes =
        [
            $"/vendors/{vendor.VendorId}/customers/{customerId}/metrics/receivables?asOf=2022-01-31",
            $"/vendors/{vendor.VendorId}/customers/{customerId}/metrics/receivables/series?{MonthlyQuery}",
        ];
        string[] analystRoutes =
        [
            $"/metrics/customers/{customerId}/receivables?asOf=2022-01-31",
            $"/metrics/customers/{customerId}/receivables/series?{MonthlyQuery}",
        ];

        foreach (var path in vendorRoutes)
        {
            var response = await analyst.GetAsync(path, TestContext.Current.CancellationToken);

            var detail = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains("needs the admin key or a key of the vendor the route names, but the request sent an analyst key.", detail);
        }

        foreach (var path in analystRoutes)
        {
            var response = await vendor.Client.GetAsync(path, TestContext.Current.CancellationToken);

            var detail = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains("needs the admin key or an analyst key, but the request sent a vendor key.", detail);
        }
    }

    [Fact]
    public async Task Invalid_customer_id_is_rejected()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        string[] paths =
        [
            $"/vendors/{vendor.VendorId}/customers/-bad/metrics/receivables?asOf=2022-01-31",
            $"/vendors/{vendor.VendorId}/customers/-bad/metrics/receivables/series?{MonthlyQuery}",
            "/metrics/customers/-bad/receivables?asOf=2022-01-31",
            $"/metrics/customers/-bad/receivables/series?{MonthlyQuery}",
        ];

        foreach (var path in paths)
        {
            var response = await fixture.Client.GetAsync(path, TestContext.Current.CancellationToken);

            Assert.Equal(["customerId"], await HttpAssertions.AssertValidationProblemAsync(response));
        }
    }

    /// <summary>
    /// Creates two vendors that bill one customer. First Supply: A1, 1000 issued 2022-01-10 and due 2022-02-09, with 400
    /// paid on 2022-02-20, and A2, 700 issued 2022-02-01 to another customer. Second Supply: B1, 500 issued 2022-02-15
    /// and due 2022-03-17.
    /// </summary>
    private async Task<TwoVendorLedger> CreateTwoVendorLedgerAsync()
    {
        var first = await fixture.CreateVendorClientAsync("First Supply");
        var second = await fixture.CreateVendorClientAsync("Second Supply");
        var account = ApiRequests.NewId("acct");
        var customerId = await ReceivablesLedgerRequests.IssueToAsync(first, account, "A1", 1000m, "2022-01-10", "2022-02-09");
        await ReceivablesLedgerRequests.PayAsync(first, "A1", "a1-pay-1", 400m, "2022-02-20");
        await ReceivablesLedgerRequests.IssueAsync(first, "A2", 700m, "2022-02-01", "2022-03-03");
        var secondCustomerId = await ReceivablesLedgerRequests.IssueToAsync(second, account, "B1", 500m, "2022-02-15", "2022-03-17");
        Assert.Equal(customerId, secondCustomerId);
        return new TwoVendorLedger(first, second, customerId);
    }

    private async Task<HttpClient> CreateAnalystClientAsync()
    {
        var issued = await (await fixture.Client.PostJsonAsync("/analyst-keys", new { label = "Customer metrics" })).ReadJsonAsync(HttpStatusCode.Created);
        return fixture.CreateClient(issued.GetProperty("key").GetString()!);
    }

    /// <summary>Reads a vendor's share of a customer's figures with the vendor's key and checks the scope it names.</summary>
    private static async Task<JsonElement> ReadShareAsync(VendorClient vendor, string customerId, string asOf, int windowDays = 90)
    {
        var path = $"/vendors/{vendor.VendorId}/customers/{customerId}/metrics/receivables?asOf={asOf}&windowDays={windowDays}";
        var body = await (await vendor.Client.GetAsync(path, TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(vendor.VendorId, body.GetProperty("vendorId").GetString());
        Assert.Equal(customerId, body.GetProperty("customerId").GetString());
        Assert.Equal(asOf, body.GetProperty("asOf").GetString());
        Assert.Equal(windowDays, body.GetProperty("windowDays").GetInt32());
        return body;
    }

    /// <summary>Reads a customer's figures across its vendors with <paramref name="client"/> and checks the scope it names.</summary>
    private static async Task<JsonElement> ReadCustomerAsync(HttpClient client, string customerId, string asOf, int windowDays = 90)
    {
        var path = $"/metrics/customers/{customerId}/receivables?asOf={asOf}&windowDays={windowDays}";
        var body = await (await client.GetAsync(path, TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(customerId, body.GetProperty("customerId").GetString());
        Assert.Equal(asOf, body.GetProperty("asOf").GetString());
        Assert.Equal(windowDays, body.GetProperty("windowDays").GetInt32());
        return body;
    }

    /// <summary>Returns the USD figures of a response, the only currency these tests use.</summary>
    private static JsonElement SingleUsd(JsonElement response) => SingleUsdOf(response.GetProperty("currencies"));

    private static JsonElement SingleUsdOf(JsonElement currencies)
    {
        var usd = Assert.Single(currencies.EnumerateArray());
        Assert.Equal("USD", usd.GetProperty("scope").GetProperty("currency").GetString());
        return usd;
    }

    /// <summary>Returns the currencies of one vendor's share in a customer response.</summary>
    private static JsonElement ShareOf(JsonElement customer, string vendorId) =>
        Assert.Single(customer.GetProperty("vendors").EnumerateArray(), share => share.GetProperty("vendorId").GetString() == vendorId).GetProperty("currencies");

    private static decimal Figure(JsonElement figures, string[] path) =>
        path.Aggregate(figures, (element, name) => element.GetProperty(name)).GetDecimal();

    private static List<string> AsOfDates(JsonElement series) =>
        [.. series.GetProperty("points").EnumerateArray().Select(point => point.GetProperty("asOf").GetString()!)];

    private static List<string> VendorIdsAt(JsonElement series, int index) =>
        [.. series.GetProperty("points")[index].GetProperty("vendors").EnumerateArray().Select(share => share.GetProperty("vendorId").GetString()!)];

    /// <summary>Checks the aging of ledgers whose open amounts are all current or 31 to 60 days past due.</summary>
    private static void AssertAging(JsonElement figures, decimal total, decimal current, decimal days31To60, int openCount)
    {
        var aging = figures.GetProperty("aging");
        Assert.Equal(total, aging.GetProperty("totalAr").GetDecimal());
        Assert.Equal(current, aging.GetProperty("currentAr").GetDecimal());
        Assert.Equal(current, aging.GetProperty("current").GetProperty("amount").GetDecimal());
        Assert.Equal(0m, aging.GetProperty("days1To30").GetProperty("amount").GetDecimal());
        Assert.Equal(days31To60, aging.GetProperty("days31To60").GetProperty("amount").GetDecimal());
        Assert.Equal(0m, aging.GetProperty("days61To90").GetProperty("amount").GetDecimal());
        Assert.Equal(0m, aging.GetProperty("days91Plus").GetProperty("amount").GetDecimal());
        Assert.Equal(openCount, aging.GetProperty("openInvoiceCount").GetInt32());
    }

    private static void AssertDso(JsonElement figures, decimal creditSales, int salesCount, decimal dso, decimal bestPossible, decimal delinquent)
    {
        var family = figures.GetProperty("dso");
        Assert.Equal(creditSales, family.GetProperty("creditSales").GetDecimal());
        Assert.Equal(salesCount, family.GetProperty("salesInvoiceCount").GetInt32());
        Assert.Equal(dso, family.GetProperty("dso").GetDecimal());
        Assert.Equal(bestPossible, family.GetProperty("bestPossibleDso").GetDecimal());
        Assert.Equal(delinquent, family.GetProperty("averageDaysDelinquent").GetDecimal());
    }

    /// <summary>The two vendors of <see cref="CreateTwoVendorLedgerAsync"/> and the customer they bill.</summary>
    private sealed record TwoVendorLedger(VendorClient First, VendorClient Second, string CustomerId) : IDisposable
    {
        public void Dispose()
        {
            First.Dispose();
            Second.Dispose();
        }
    }
}
