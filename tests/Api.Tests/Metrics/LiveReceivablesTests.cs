using System.Text.Json;

namespace TermSync.Api.Tests.Metrics;

/// <summary>
/// Today's figures served from the running totals of the vendor and network grains, checked against the same figures
/// computed from the PostgreSQL ledger, and the spread of figures across vendors. The distribution tests date their
/// invoices in 1992, a year no other test uses, so that the window's sales come from their vendors only.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LiveReceivablesTests(ApiFixture fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Vendor_live_figures_equal_the_ledgers()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        await ReceivablesLedgerRequests.IssueAsync(vendor, "LIVE-1", 1000m, Day(-100), Day(-70));
        await ReceivablesLedgerRequests.IssueAsync(vendor, "LIVE-2", 2500m, Day(-40), Day(-10));
        await ReceivablesLedgerRequests.IssueAsync(vendor, "LIVE-3", 400m, Day(-3), Day(27));
        await ReceivablesLedgerRequests.PayAsync(vendor, "LIVE-1", "live-pay-1", 1000m, Day(-60));
        await ReceivablesLedgerRequests.PayAsync(vendor, "LIVE-2", "live-pay-2", 700m, Day(-20));

        var (live, ledger) = await ReadBothAsync(vendor.Client, $"/vendors/{vendor.VendorId}/metrics/receivables");
        await ReceivablesLedgerRequests.PayAsync(vendor, "LIVE-2", "live-pay-3", 300m, Day(-35));
        var (afterLive, afterLedger) = await ReadBothAsync(vendor.Client, $"/vendors/{vendor.VendorId}/metrics/receivables");

        Assert.Equal("live", live.GetProperty("source").GetString());
        Assert.Equal("ledger", ledger.GetProperty("source").GetString());
        Assert.Equal(ledger.GetProperty("currencies").GetRawText(), live.GetProperty("currencies").GetRawText());
        Assert.Equal(2200m, UsdOf(live).GetProperty("aging").GetProperty("totalAr").GetDecimal());
        Assert.Equal(1, UsdOf(live).GetProperty("paymentBehaviour").GetProperty("settledInvoiceCount").GetInt32());
        Assert.Equal("live", afterLive.GetProperty("source").GetString());
        Assert.Equal(afterLedger.GetProperty("currencies").GetRawText(), afterLive.GetProperty("currencies").GetRawText());
        Assert.Equal(1900m, UsdOf(afterLive).GetProperty("aging").GetProperty("totalAr").GetDecimal());
    }

    [Fact]
    public async Task Vendor_live_figures_keep_amount_scale()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        await ReceivablesLedgerRequests.IssueAsync(vendor, "SCALE-1", 1000.55m, Day(-200), Day(-170));
        await ReceivablesLedgerRequests.IssueAsync(vendor, "SCALE-2", 400m, Day(-20), Day(10));
        await ReceivablesLedgerRequests.IssueAsync(vendor, "SCALE-3", 250m, Day(-5), Day(25));
        await ReceivablesLedgerRequests.PayAsync(vendor, "SCALE-1", "scale-pay-1", 0.55m, Day(-100));

        var (live, ledger) = await ReadBothAsync(vendor.Client, $"/vendors/{vendor.VendorId}/metrics/receivables");

        // The window holds only whole-dollar sales, so both sources print them without decimals even though older
        // amounts have cents.
        Assert.Equal("live", live.GetProperty("source").GetString());
        Assert.Equal(ledger.GetProperty("currencies").GetRawText(), live.GetProperty("currencies").GetRawText());
        Assert.Equal("650", UsdOf(live).GetProperty("dso").GetProperty("creditSales").GetRawText());
        Assert.Equal("1650.00", UsdOf(live).GetProperty("aging").GetProperty("totalAr").GetRawText());
    }

    [Fact]
    public async Task Network_live_figures_follow_a_new_invoice()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        await ReceivablesLedgerRequests.IssueAsync(vendor, "NET-LIVE-1", 1000m, Day(-5), Day(25));
        await WaitForNetworkAsync();
        var (before, _) = await ReadBothAsync(fixture.Client, "/metrics/network/receivables");

        await ReceivablesLedgerRequests.IssueAsync(vendor, "NET-LIVE-2", 650m, Day(-2), Day(28));
        var (after, ledger) = await WaitForNetworkAsync();

        Assert.Equal("live", after.GetProperty("source").GetString());
        Assert.Equal(UsdOf(ledger).GetRawText(), UsdOf(after).GetRawText());
        Assert.Equal(650m, UsdOf(after).GetProperty("aging").GetProperty("totalAr").GetDecimal() - UsdOf(before).GetProperty("aging").GetProperty("totalAr").GetDecimal());
    }

    [Fact]
    public async Task Distribution_gives_quartiles_across_vendors()
    {
        var payments = new[] { 0m, 100m, 200m, 300m, 400m, 500m, 600m, 700m, 800m, 1000m };
        var vendors = new List<VendorClient>();
        foreach (var (paid, index) in payments.Select((paid, index) => (paid, index)))
        {
            var vendor = await fixture.CreateVendorClientAsync($"Peer {index}");
            vendors.Add(vendor);
            await ReceivablesLedgerRequests.IssueAsync(vendor, $"PEER-{index}", 1000m, "1992-06-01", "1992-07-01");
            if (paid > 0m)
            {
                await ReceivablesLedgerRequests.PayAsync(vendor, $"PEER-{index}", $"peer-pay-{index}", paid, "1992-06-15");
            }
        }

        try
        {
            var network = await (await fixture.Client.GetAsync("/metrics/network/receivables/distribution?asOf=1992-06-30", TestContext.Current.CancellationToken)).ReadJsonAsync();
            var peers = await (await vendors[1].Client.GetAsync($"/vendors/{vendors[1].VendorId}/metrics/peers?asOf=1992-06-30", TestContext.Current.CancellationToken)).ReadJsonAsync();

            // DSO = AR / sales × 90 with sales of 1000 each: 90, 81, 72, 63, 54, 45, 36, 27, 18 and 0 days. Sorted, the
            // quartiles sit at ranks 2.25, 4.5 and 6.75 counted from 0.
            var networkDso = FigureOf(network, "dso");
            Assert.Equal("ledger", network.GetProperty("source").GetString());
            Assert.Equal(10, networkDso.GetProperty("vendorCount").GetInt32());
            Assert.Equal(29.25m, networkDso.GetProperty("lowerQuartile").GetDecimal());
            Assert.Equal(49.5m, networkDso.GetProperty("median").GetDecimal());
            Assert.Equal(69.75m, networkDso.GetProperty("upperQuartile").GetDecimal());
            Assert.Equal(JsonValueKind.Null, networkDso.GetProperty("own").ValueKind);

            var ownDso = FigureOf(peers, "dso");
            Assert.Equal(vendors[1].VendorId, peers.GetProperty("vendorId").GetString());
            Assert.Equal(81m, ownDso.GetProperty("own").GetDecimal());
            Assert.Equal(49.5m, ownDso.GetProperty("median").GetDecimal());

            // Only the fully paid invoice is settled, so one vendor's figure would show through the quartiles.
            var ownDaysLate = FigureOf(peers, "averageDaysLate");
            Assert.Equal(1, ownDaysLate.GetProperty("vendorCount").GetInt32());
            Assert.Equal(JsonValueKind.Null, ownDaysLate.GetProperty("median").ValueKind);
            Assert.Equal(JsonValueKind.Null, ownDaysLate.GetProperty("own").ValueKind);
            Assert.Equal(0m, FigureOf(network, "averageDaysLate").GetProperty("median").GetDecimal());
        }
        finally
        {
            vendors.ForEach(vendor => vendor.Dispose());
        }
    }

    [Fact]
    public async Task Live_distribution_and_peers_are_served()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        await ReceivablesLedgerRequests.IssueAsync(vendor, "PEER-LIVE-1", 300m, Day(-10), Day(20));
        await WaitForNetworkAsync();

        var network = await (await fixture.Client.GetAsync("/metrics/network/receivables/distribution", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var peers = await (await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}/metrics/peers", TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal("live", network.GetProperty("source").GetString());
        Assert.Equal("live", peers.GetProperty("source").GetString());
        Assert.True(FigureOf(network, "dso").GetProperty("vendorCount").GetInt32() >= 1);
        Assert.True(FigureOf(peers, "dso").GetProperty("own").GetDecimal() > 0m);
    }

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement UsdOf(JsonElement response) =>
        response.GetProperty("currencies").EnumerateArray().Single(currency => currency.GetProperty("scope").GetProperty("currency").GetString() == "USD");

    private static JsonElement FigureOf(JsonElement response, string figure) =>
        UsdOf(response).GetProperty("figures").EnumerateArray().Single(entry => entry.GetProperty("figure").GetString() == figure);

    /// <summary>Reads the figures without asOf (live), then with the asOf of the live response (computed from the ledger).</summary>
    private static async Task<(JsonElement Live, JsonElement Ledger)> ReadBothAsync(HttpClient client, string path)
    {
        var live = await (await client.GetAsync(path, TestContext.Current.CancellationToken)).ReadJsonAsync();
        var asOf = live.GetProperty("asOf").GetString();
        var ledger = await (await client.GetAsync($"{path}?asOf={asOf}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        return (live, ledger);
    }

    /// <summary>
    /// Reads the network's live and ledger figures until their USD figures agree. Vendor grains send their totals to the
    /// network grain up to a second after a change, and the wait fails after ten seconds.
    /// </summary>
    private async Task<(JsonElement Live, JsonElement Ledger)> WaitForNetworkAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var (live, ledger) = await ReadBothAsync(fixture.Client, "/metrics/network/receivables");
            if (live.GetProperty("source").GetString() == "live" && UsdOf(live).GetRawText() == UsdOf(ledger).GetRawText())
            {
                return (live, ledger);
            }

            Assert.True(DateTime.UtcNow < deadline, $"The network's live figures did not reach the ledger's within ten seconds. Live: {UsdOf(live)}. Ledger: {UsdOf(ledger)}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
