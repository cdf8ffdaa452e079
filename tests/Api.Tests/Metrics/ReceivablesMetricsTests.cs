using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace TermSync.Api.Tests.Metrics;

/// <summary>
/// Receivables metrics read through the API from the PostgreSQL ledger. Each test uses its own vendors, and the network
/// test dates its invoices in 1991, earlier than any other test's, so that figures as of 1991 contain only its invoices.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReceivablesMetricsTests(ApiFixture fixture)
{
    [Fact]
    public async Task Partly_paid_invoice_ages_into_31_to_60()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        await ReceivablesLedgerRequests.IssueAsync(vendor, "AGE-1", 10000m, "2016-11-30", "2017-02-28");
        await ReceivablesLedgerRequests.PayAsync(vendor, "AGE-1", "age-pay-1", 1500m, "2016-12-20");
        await ReceivablesLedgerRequests.PayAsync(vendor, "AGE-1", "age-pay-2", 1000m, "2017-01-20");
        await ReceivablesLedgerRequests.PayAsync(vendor, "AGE-1", "age-pay-3", 2000m, "2017-03-20");

        var usd = await ReadVendorUsdAsync(vendor, "2017-04-04");

        var aging = usd.GetProperty("aging");
        Assert.Equal(5500m, aging.GetProperty("days31To60").GetProperty("amount").GetDecimal());
        Assert.Equal(1, aging.GetProperty("days31To60").GetProperty("invoiceCount").GetInt32());
        Assert.Equal(0m, aging.GetProperty("current").GetProperty("amount").GetDecimal());
        Assert.Equal(0m, aging.GetProperty("days1To30").GetProperty("amount").GetDecimal());
        Assert.Equal(0m, aging.GetProperty("days61To90").GetProperty("amount").GetDecimal());
        Assert.Equal(0m, aging.GetProperty("days91Plus").GetProperty("amount").GetDecimal());
        Assert.Equal(5500m, aging.GetProperty("totalAr").GetDecimal());
        Assert.Equal("2017-04-04", usd.GetProperty("scope").GetProperty("asOf").GetString());
        Assert.Equal(90, usd.GetProperty("scope").GetProperty("windowDays").GetInt32());
    }

    [Fact]
    public async Task Back_dated_payment_changes_last_month()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lastMonthEnd = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        using var vendor = await fixture.CreateVendorClientAsync();
        await ReceivablesLedgerRequests.IssueAsync(vendor, "BACK-1", 1000m, Format(lastMonthEnd.AddDays(-40)), Format(lastMonthEnd.AddDays(-10)));
        var before = await ReadVendorUsdAsync(vendor, Format(lastMonthEnd));

        await ReceivablesLedgerRequests.PayAsync(vendor, "BACK-1", "back-pay-1", 400m, Format(lastMonthEnd.AddDays(-5)));
        var after = await ReadVendorUsdAsync(vendor, Format(lastMonthEnd));

        Assert.Equal(1000m, before.GetProperty("aging").GetProperty("totalAr").GetDecimal());
        Assert.Equal(1000m, before.GetProperty("aging").GetProperty("days1To30").GetProperty("amount").GetDecimal());
        Assert.Equal(600m, after.GetProperty("aging").GetProperty("totalAr").GetDecimal());
        Assert.Equal(600m, after.GetProperty("aging").GetProperty("days1To30").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Retried_payment_appends_once()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        await ReceivablesLedgerRequests.IssueAsync(vendor, "RETRY-1", 800m, "2018-05-02", "2018-06-01");

        await ReceivablesLedgerRequests.PayAsync(vendor, "RETRY-1", "retry-pay-1", 300m, "2018-05-20");
        await ReceivablesLedgerRequests.PayAsync(vendor, "RETRY-1", "retry-pay-1", 300m, "2018-05-20");

        Assert.Equal(1, await CountEntriesAsync(vendor.VendorId, "RETRY-1", "payment:retry-pay-1"));
        Assert.Equal(1, await CountEntriesAsync(vendor.VendorId, "RETRY-1", "issued"));
        Assert.Equal(2, await CountEntriesAsync(vendor.VendorId, "RETRY-1", entryKey: null));
        var usd = await ReadVendorUsdAsync(vendor, "2018-05-31");
        Assert.Equal(500m, usd.GetProperty("aging").GetProperty("totalAr").GetDecimal());
    }

    [Fact]
    public async Task No_sales_in_window_gives_null_dso()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        await ReceivablesLedgerRequests.IssueAsync(vendor, "QUIET-1", 700m, "2015-01-10", "2015-02-09");

        var usd = await ReadVendorUsdAsync(vendor, "2015-06-30", windowDays: 30);

        var dso = usd.GetProperty("dso");
        Assert.Equal(0m, dso.GetProperty("creditSales").GetDecimal());
        Assert.Equal(700m, dso.GetProperty("totalAr").GetDecimal());
        Assert.Equal(JsonValueKind.Null, dso.GetProperty("dso").ValueKind);
        Assert.Equal(JsonValueKind.Null, dso.GetProperty("bestPossibleDso").ValueKind);
        Assert.Equal(JsonValueKind.Null, dso.GetProperty("averageDaysDelinquent").ValueKind);
    }

    [Fact]
    public async Task Network_figures_sum_two_vendors()
    {
        using var first = await fixture.CreateVendorClientAsync("First Supply");
        using var second = await fixture.CreateVendorClientAsync("Second Supply");
        await ReceivablesLedgerRequests.IssueAsync(first, "NET-1", 1200m, "1991-03-01", "1991-03-31");
        await ReceivablesLedgerRequests.IssueAsync(second, "NET-2", 300m, "1991-03-15", "1991-05-14");
        await ReceivablesLedgerRequests.PayAsync(second, "NET-2", "net-pay-1", 100m, "1991-04-01");

        var firstUsd = await ReadVendorUsdAsync(first, "1991-04-30");
        var secondUsd = await ReadVendorUsdAsync(second, "1991-04-30");
        var network = await (await fixture.Client.GetAsync("/metrics/network/receivables?asOf=1991-04-30&windowDays=90", TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal(JsonValueKind.Null, network.GetProperty("vendorId").ValueKind);
        var networkUsd = Assert.Single(network.GetProperty("currencies").EnumerateArray());
        Assert.Equal(1200m, firstUsd.GetProperty("aging").GetProperty("totalAr").GetDecimal());
        Assert.Equal(200m, secondUsd.GetProperty("aging").GetProperty("totalAr").GetDecimal());
        Assert.Equal(1400m, networkUsd.GetProperty("aging").GetProperty("totalAr").GetDecimal());
        Assert.Equal(1200m, networkUsd.GetProperty("aging").GetProperty("days1To30").GetProperty("amount").GetDecimal());
        Assert.Equal(200m, networkUsd.GetProperty("aging").GetProperty("current").GetProperty("amount").GetDecimal());
        Assert.Equal(1500m, networkUsd.GetProperty("dso").GetProperty("creditSales").GetDecimal());
        Assert.Equal(2, networkUsd.GetProperty("dso").GetProperty("salesInvoiceCount").GetInt32());
    }

    [Fact]
    public async Task Question_counts_toward_dispute_rate()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        await ReceivablesLedgerRequests.IssueAsync(vendor, "ASK-1", 400m, "2019-03-01", "2019-03-31");
        await ReceivablesLedgerRequests.IssueAsync(vendor, "ASK-2", 600m, "2019-03-02", "2019-04-01");
        var question = new
        {
            conversationId = "ask-conversation-1",
            kind = "question",
            invoices = new[] { new { invoiceNumber = "ASK-1" } },
            authorName = "Customer",
            text = "Which order is this?",
            raisedAt = "2019-03-10T09:00:00Z",
        };

        await (await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/conversations", question)).ReadJsonAsync(HttpStatusCode.Created);
        await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/conversations", question);

        Assert.Equal(1, await CountEntriesAsync(vendor.VendorId, "ASK-1", "queried:ask-conversation-1"));
        var beforeQuestion = await ReadVendorUsdAsync(vendor, "2019-03-09");
        var afterQuestion = await ReadVendorUsdAsync(vendor, "2019-03-31");
        Assert.Equal(2, beforeQuestion.GetProperty("disputeRate").GetProperty("issuedInvoiceCount").GetInt32());
        Assert.Equal(0, beforeQuestion.GetProperty("disputeRate").GetProperty("queriedInvoiceCount").GetInt32());
        Assert.Equal(2, afterQuestion.GetProperty("disputeRate").GetProperty("issuedInvoiceCount").GetInt32());
        Assert.Equal(1, afterQuestion.GetProperty("disputeRate").GetProperty("queriedInvoiceCount").GetInt32());
        Assert.Equal(50m, afterQuestion.GetProperty("disputeRate").GetProperty("disputeRatePercent").GetDecimal());
    }

    [Fact]
    public async Task Void_before_reversed_payment_still_computes()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var account = ApiRequests.NewId("acct");
        var invoice = ApiRequests.Invoice("VOID-1", account, 500m, issueDate: "2020-02-01", dueDate: "2020-03-02");
        await (await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/invoices/batch", ApiRequests.Batch(invoice))).ReadJsonAsync();
        var payment = new { paymentReference = "void-pay-1", customerAccount = account, currency = "USD", amount = 200m, receivedOn = "2020-02-20", allocations = new[] { new { invoiceNumber = "VOID-1", amount = 200m } } };
        await (await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/payments", payment)).ReadJsonAsync();
        await (await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/payments/void-pay-1/reversal", new { reversedOn = "2020-02-25" })).ReadJsonAsync();

        var voided = await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/invoices/VOID-1/void", new { voidedOn = "2020-02-10" });
        var usd = await ReadVendorUsdAsync(vendor, "2020-03-31");

        Assert.True(voided.IsSuccessStatusCode, $"Void failed with {(int)voided.StatusCode}");
        Assert.Equal(0m, usd.GetProperty("aging").GetProperty("totalAr").GetDecimal());
        Assert.Equal(0m, usd.GetProperty("dso").GetProperty("creditSales").GetDecimal());
    }

    [Fact]
    public async Task Invoice_without_issue_entry_is_skipped()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        await using (var dataSource = NpgsqlDataSource.Create(ConnectionString))
        await using (var command = dataSource.CreateCommand("""
            INSERT INTO receivables_ledger
                (vendor_id, invoice_number, customer_id, currency, issue_date, due_date, entry_kind, entry_key, business_date, amount)
            VALUES ($1, 'LOST-1', 'c-1', 'USD', DATE '2020-01-01', DATE '2020-01-31', 'queried', 'queried:q-1', DATE '2020-01-10', 0)
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = vendor.VendorId });
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var body = await (await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}/metrics/receivables?asOf=2020-01-31", TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal(0, body.GetProperty("currencies").GetArrayLength());
    }

    [Fact]
    public async Task Network_invalid_date_is_rejected()
    {
        var response = await fixture.Client.GetAsync("/metrics/network/receivables?asOf=2017-02-30", TestContext.Current.CancellationToken);

        var fields = await HttpAssertions.AssertValidationProblemAsync(response);
        Assert.Equal(["asOf"], fields);
    }

    [Fact]
    public async Task Vendor_window_out_of_range_is_rejected()
    {
        using var vendor = await fixture.CreateVendorClientAsync();

        var response = await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}/metrics/receivables?asOf=2017-04-04&windowDays=0", TestContext.Current.CancellationToken);

        var fields = await HttpAssertions.AssertValidationProblemAsync(response);
        Assert.Equal(["windowDays"], fields);
    }

    [Fact]
    public async Task Network_last_date_is_rejected()
    {
        var response = await fixture.Client.GetAsync("/metrics/network/receivables?asOf=9999-12-31", TestContext.Current.CancellationToken);

        var fields = await HttpAssertions.AssertValidationProblemAsync(response);
        Assert.Equal(["asOf"], fields);
    }

    [Fact]
    public async Task Network_window_too_long_is_rejected()
    {
        var response = await fixture.Client.GetAsync("/metrics/network/receivables?asOf=2017-04-04&windowDays=3651", TestContext.Current.CancellationToken);

        var fields = await HttpAssertions.AssertValidationProblemAsync(response);
        Assert.Equal(["windowDays"], fields);
    }

    [Fact]
    public async Task Vendor_key_cannot_read_network()
    {
        using var vendor = await fixture.CreateVendorClientAsync();

        var response = await vendor.Client.GetAsync("/metrics/network/receivables?asOf=2017-04-04", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>Reads the vendor's receivables figures and returns those of USD, the only currency these tests use.</summary>
    private static async Task<JsonElement> ReadVendorUsdAsync(VendorClient vendor, string asOf, int windowDays = 90)
    {
        var path = $"/vendors/{vendor.VendorId}/metrics/receivables?asOf={asOf}&windowDays={windowDays}";
        var body = await (await vendor.Client.GetAsync(path, TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(vendor.VendorId, body.GetProperty("vendorId").GetString());
        Assert.Equal(asOf, body.GetProperty("asOf").GetString());
        Assert.Equal(windowDays, body.GetProperty("windowDays").GetInt32());
        var usd = Assert.Single(body.GetProperty("currencies").EnumerateArray());
        Assert.Equal("USD", usd.GetProperty("scope").GetProperty("currency").GetString());
        return usd;
    }

    private string ConnectionString => fixture.Factory.Services.GetRequiredService<IConfiguration>().GetConnectionString("TermSync")!;

    /// <summary>Counts the ledger rows of an invoice, only those with <paramref name="entryKey"/> when it is not null.</summary>
    private async Task<long> CountEntriesAsync(string vendorId, string invoiceNumber, string? entryKey)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM receivables_ledger WHERE vendor_id = $1 AND invoice_number = $2 AND ($3::text IS NULL OR entry_key = $3)");
        command.Parameters.Add(new NpgsqlParameter { Value = vendorId });
        command.Parameters.Add(new NpgsqlParameter { Value = invoiceNumber });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entryKey ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
