using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace TermSync.Api.Tests.Metrics;

/// <summary>
/// Receivables series read through the API from the PostgreSQL ledger. The monthly tests share one hand-made ledger of
/// a new vendor: A is 1000 issued 2021-01-10 and due 2021-02-09, with 400 paid on 2021-02-20. B is 500 issued
/// 2021-02-15 and due 2021-03-17.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReceivablesSeriesTests(ApiFixture fixture)
{
    private const string MonthlyQuery = "from=2021-01-01&to=2021-03-15&interval=monthly&windowDays=90";

    [Fact]
    public async Task Monthly_series_has_exact_points()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        await ReceivablesLedgerRequests.IssueAsync(vendor, "SER-A", 1000m, "2021-01-10", "2021-02-09");
        await ReceivablesLedgerRequests.IssueAsync(vendor, "SER-B", 500m, "2021-02-15", "2021-03-17");
        var beforePayment = await ReadSeriesAsync(vendor, MonthlyQuery);

        await ReceivablesLedgerRequests.PayAsync(vendor, "SER-A", "ser-pay-1", 400m, "2021-02-20");
        var series = await ReadSeriesAsync(vendor, MonthlyQuery);

        Assert.Equal("monthly", series.GetProperty("interval").GetString());
        Assert.Equal(["2021-01-31", "2021-02-28", "2021-03-15"], AsOfDates(series));

        // 2021-01-31: A is current. Sales in the window are A's 1000, so DSO = BPDSO = 1000 / 1000 × 90. Countback
        // covers January's 31 days with R = S. Monthly CEI has a zero denominator (B 0 + S 1000 − Ec 1000).
        // Quarterly: (0 + 1000/3 − 1000) / (0 + 1000/3 − 1000) = 100.
        var january = UsdAt(series, 0);
        AssertAging(january, total: 1000m, current: 1000m, days1To30: 0m, days31To60: 0m);
        AssertDso(january, creditSales: 1000m, dso: 90m, bestPossible: 90m, delinquent: 0m, countback: 31m);
        AssertCei(january, monthly: null, quarterly: 100m);
        Assert.Equal(1, january.GetProperty("disputeRate").GetProperty("issuedInvoiceCount").GetInt32());

        // 2021-02-28: A has 600 open, 19 days past due, and B is current. DSO = 1100 / 1500 × 90 = 66, BPDSO = 500 / 1500 × 90 = 30.
        // Countback: February (28 days, S 500) leaves R 600, then 600 / 1000 × 31 = 18.6 days of January.
        // Monthly CEI = (1000 + 500 − 1100) / (1000 + 500 − 500) = 40. Quarterly: 0 + 1500/3 − 500 = 0, so null.
        var february = UsdAt(series, 1);
        AssertAging(february, total: 1100m, current: 500m, days1To30: 600m, days31To60: 0m);
        AssertDso(february, creditSales: 1500m, dso: 66m, bestPossible: 30m, delinquent: 36m, countback: 46.6m);
        AssertCei(february, monthly: 40m, quarterly: null);

        // 2021-03-15: A is 34 days past due. Countback adds March's 15 days without sales, then February and 18.6 days.
        // Monthly CEI = (1100 + 0 − 1100) / (1100 + 0 − 500) = 0.
        var march = UsdAt(series, 2);
        AssertAging(march, total: 1100m, current: 500m, days1To30: 0m, days31To60: 600m);
        AssertDso(march, creditSales: 1500m, dso: 66m, bestPossible: 30m, delinquent: 36m, countback: 61.6m);
        AssertCei(march, monthly: 0m, quarterly: null);

        // The payment was posted after the first read and dated 2021-02-20, so it changes February and March only.
        AssertAging(UsdAt(beforePayment, 0), total: 1000m, current: 1000m, days1To30: 0m, days31To60: 0m);
        AssertAging(UsdAt(beforePayment, 1), total: 1500m, current: 500m, days1To30: 1000m, days31To60: 0m);
        AssertAging(UsdAt(beforePayment, 2), total: 1500m, current: 500m, days1To30: 0m, days31To60: 1000m);
    }

    [Fact]
    public async Task Series_point_equals_as_of_read()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        await ReceivablesLedgerRequests.IssueAsync(vendor, "SER-A", 1000m, "2021-01-10", "2021-02-09");
        await ReceivablesLedgerRequests.IssueAsync(vendor, "SER-B", 500m, "2021-02-15", "2021-03-17");
        await ReceivablesLedgerRequests.PayAsync(vendor, "SER-A", "ser-pay-1", 400m, "2021-02-20");

        var series = await ReadSeriesAsync(vendor, MonthlyQuery);

        foreach (var point in series.GetProperty("points").EnumerateArray())
        {
            var asOf = point.GetProperty("asOf").GetString();
            var single = await (await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}/metrics/receivables?asOf={asOf}&windowDays=90", TestContext.Current.CancellationToken)).ReadJsonAsync();
            Assert.Equal(single.GetProperty("currencies").GetRawText(), point.GetProperty("currencies").GetRawText());
        }
    }

    [Fact]
    public async Task Void_series_matches_as_of_reads()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var account = ApiRequests.NewId("acct");
        var invoice = ApiRequests.Invoice("VOID-S", account, 500m, issueDate: "2020-02-01", dueDate: "2020-03-02");
        await (await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/invoices/batch", ApiRequests.Batch(invoice))).ReadJsonAsync();
        var payment = new { paymentReference = "void-s-pay", customerAccount = account, currency = "USD", amount = 200m, receivedOn = "2020-02-20", allocations = new[] { new { invoiceNumber = "VOID-S", amount = 200m } } };
        await (await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/payments", payment)).ReadJsonAsync();
        await (await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/payments/void-s-pay/reversal", new { reversedOn = "2020-02-25" })).ReadJsonAsync();
        var voided = await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/invoices/VOID-S/void", new { voidedOn = "2020-02-10" });

        var series = await ReadSeriesAsync(vendor, "from=2020-02-01&to=2020-03-05&interval=daily");

        Assert.True(voided.IsSuccessStatusCode, $"Void failed with {(int)voided.StatusCode}");
        Assert.Equal(34, series.GetProperty("points").GetArrayLength());

        // The void is dated 2020-02-10 but counts from 2020-02-25, the date of the latest payment or reversal, so the
        // invoice stays open until then: 500 before the payment and 300 between the payment and its reversal.
        Assert.Equal(500m, UsdAt(series, 14).GetProperty("aging").GetProperty("totalAr").GetDecimal());
        Assert.Equal(300m, UsdAt(series, 21).GetProperty("aging").GetProperty("totalAr").GetDecimal());
        Assert.Equal(0m, UsdAt(series, 24).GetProperty("aging").GetProperty("totalAr").GetDecimal());
        Assert.Equal(0m, UsdAt(series, 24).GetProperty("dso").GetProperty("creditSales").GetDecimal());
        foreach (var point in series.GetProperty("points").EnumerateArray())
        {
            var asOf = point.GetProperty("asOf").GetString();
            var single = await (await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}/metrics/receivables?asOf={asOf}", TestContext.Current.CancellationToken)).ReadJsonAsync();
            Assert.True(
                single.GetProperty("currencies").GetRawText() == point.GetProperty("currencies").GetRawText(),
                $"The series point {asOf} differs from the as-of read: {point.GetProperty("currencies").GetRawText()} against {single.GetProperty("currencies").GetRawText()}");
        }
    }

    [Fact]
    public async Task Daily_series_has_every_date()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        await ReceivablesLedgerRequests.IssueAsync(vendor, "DAY-1", 300m, "2021-02-10", "2021-03-12");

        var series = await ReadSeriesAsync(vendor, "from=2021-02-01&to=2021-03-15&interval=daily");

        var dates = AsOfDates(series);
        Assert.Equal(43, dates.Count);
        Assert.Equal("2021-02-01", dates[0]);
        Assert.Equal("2021-03-15", dates[^1]);
        Assert.Equal(dates.Distinct().Order(StringComparer.Ordinal), dates);
        Assert.Equal(0, series.GetProperty("points")[8].GetProperty("currencies").GetArrayLength());
        Assert.Equal(300m, series.GetProperty("points")[9].GetProperty("currencies")[0].GetProperty("aging").GetProperty("totalAr").GetDecimal());
    }

    [Fact]
    public async Task Csv_export_has_header_and_rows()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        await ReceivablesLedgerRequests.IssueAsync(vendor, "SER-A", 1000m, "2021-01-10", "2021-02-09");
        await ReceivablesLedgerRequests.IssueAsync(vendor, "SER-B", 500m, "2021-02-15", "2021-03-17");
        await ReceivablesLedgerRequests.PayAsync(vendor, "SER-A", "ser-pay-1", 400m, "2021-02-20");

        var response = await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}/metrics/receivables/series?{MonthlyQuery}&format=csv", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"receivables-{vendor.VendorId}-2021-01-01-2021-03-15-monthly.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var lines = text.Split("\r\n");
        Assert.Equal(5, lines.Length);
        Assert.Equal(Header, lines[0]);
        Assert.Equal(FebruaryRow, lines[2]);
        Assert.StartsWith("2021-01-31,USD,90,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2021-03-15,USD,90,", lines[3], StringComparison.Ordinal);
        Assert.Equal(string.Empty, lines[4]);
    }

    [Fact]
    public async Task Network_csv_by_accept_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics/network/receivables/series?from=1850-01-01&to=1850-03-10&interval=monthly");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("receivables-network-1850-01-01-1850-03-10-monthly.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(Header + "\r\n", text);
    }

    [Fact]
    public async Task From_after_to_is_rejected()
    {
        using var vendor = await fixture.CreateVendorClientAsync();

        var response = await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}/metrics/receivables/series?from=2021-03-01&to=2021-02-01&interval=daily", TestContext.Current.CancellationToken);

        var fields = await HttpAssertions.AssertValidationProblemAsync(response);
        Assert.Equal(["from"], fields);
    }

    [Fact]
    public async Task Too_many_points_are_rejected()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var seriesPath = $"/vendors/{vendor.VendorId}/metrics/receivables/series";

        // 2020 has 366 days, so 2020-01-01 to 2021-02-03 is 366 + 31 + 3 = 400 dates.
        var daily = await vendor.Client.GetAsync($"{seriesPath}?from=2020-01-01&to=2021-02-04&interval=daily", TestContext.Current.CancellationToken);
        var dailyBody = await daily.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var longestDaily = await (await vendor.Client.GetAsync($"{seriesPath}?from=2020-01-01&to=2021-02-03&interval=daily", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var monthly = await fixture.Client.GetAsync("/metrics/network/receivables/series?from=2000-01-01&to=2010-01-01&interval=monthly", TestContext.Current.CancellationToken);

        Assert.Equal(["to"], await HttpAssertions.AssertValidationProblemAsync(daily));
        Assert.Contains("has 401 points, more than the maximum of 400", dailyBody, StringComparison.Ordinal);
        Assert.Equal(400, longestDaily.GetProperty("points").GetArrayLength());
        Assert.Equal(["to"], await HttpAssertions.AssertValidationProblemAsync(monthly));
    }

    [Fact]
    public async Task Unknown_interval_is_rejected()
    {
        var response = await fixture.Client.GetAsync("/metrics/network/receivables/series?from=2021-01-01&to=2021-03-01&interval=weekly", TestContext.Current.CancellationToken);

        var fields = await HttpAssertions.AssertValidationProblemAsync(response);
        Assert.Equal(["interval"], fields);
    }

    private const string Header =
        "asOf,currency,windowDays,totalAr,currentAr,current,days1To30,days31To60,days61To90,days91Plus,openInvoiceCount," +
        "creditSales,salesInvoiceCount,dso,bestPossibleDso,averageDaysDelinquent,countbackDso,ceiMonthlyPercent,ceiQuarterlyPercent," +
        "settledInvoiceCount,averageDaysLate,amountWeightedDaysLate,averageDaysToPay,issuedInvoiceCount,disputeRatePercent," +
        "invoiceAccuracyPercent,writeOffInvoiceCount,writeOffAmount";

    /// <summary>The 2021-02-28 row of the monthly ledger. Its quarterly CEI and payment behaviour figures are null, so their cells are empty.</summary>
    private const string FebruaryRow = "2021-02-28,USD,90,1100.00,500.00,500.00,600.00,0.00,0.00,0.00,2,1500.00,2,66.00,30.00,36.00,46.60,40.00,,0,,,,2,0.00,100.00,0,0.00";

    private static async Task<JsonElement> ReadSeriesAsync(VendorClient vendor, string query)
    {
        var path = $"/vendors/{vendor.VendorId}/metrics/receivables/series?{query}";
        var body = await (await vendor.Client.GetAsync(path, TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(vendor.VendorId, body.GetProperty("vendorId").GetString());
        return body;
    }

    private static List<string> AsOfDates(JsonElement series) =>
        [.. series.GetProperty("points").EnumerateArray().Select(point => point.GetProperty("asOf").GetString()!)];

    /// <summary>Returns the USD figures of the point at <paramref name="index"/>, the only currency these tests use.</summary>
    private static JsonElement UsdAt(JsonElement series, int index)
    {
        var usd = Assert.Single(series.GetProperty("points")[index].GetProperty("currencies").EnumerateArray());
        Assert.Equal("USD", usd.GetProperty("scope").GetProperty("currency").GetString());
        return usd;
    }

    private static void AssertAging(JsonElement figures, decimal total, decimal current, decimal days1To30, decimal days31To60)
    {
        var aging = figures.GetProperty("aging");
        Assert.Equal(total, aging.GetProperty("totalAr").GetDecimal());
        Assert.Equal(current, aging.GetProperty("currentAr").GetDecimal());
        Assert.Equal(days1To30, aging.GetProperty("days1To30").GetProperty("amount").GetDecimal());
        Assert.Equal(days31To60, aging.GetProperty("days31To60").GetProperty("amount").GetDecimal());
    }

    private static void AssertDso(JsonElement figures, decimal creditSales, decimal dso, decimal bestPossible, decimal delinquent, decimal countback)
    {
        var family = figures.GetProperty("dso");
        Assert.Equal(creditSales, family.GetProperty("creditSales").GetDecimal());
        Assert.Equal(dso, family.GetProperty("dso").GetDecimal());
        Assert.Equal(bestPossible, family.GetProperty("bestPossibleDso").GetDecimal());
        Assert.Equal(delinquent, family.GetProperty("averageDaysDelinquent").GetDecimal());
        Assert.Equal(countback, family.GetProperty("countbackDso").GetDecimal());
    }

    private static void AssertCei(JsonElement figures, decimal? monthly, decimal? quarterly)
    {
        var cei = figures.GetProperty("cei");
        Assert.Equal(monthly, Nullable(cei.GetProperty("monthly").GetProperty("ceiPercent")));
        Assert.Equal(quarterly, Nullable(cei.GetProperty("quarterly").GetProperty("ceiPercent")));
    }

    private static decimal? Nullable(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();
}
