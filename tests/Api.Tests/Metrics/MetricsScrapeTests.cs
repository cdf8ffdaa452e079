using System.Net;

namespace TermSync.Api.Tests.Metrics;

[Collection(MetricsCollection.Name)]
public sealed class MetricsScrapeTests(ApiFixture fixture)
{
    private const string InvoicesIngested = "termsync_invoices_ingested_total";

    private static readonly TimeSpan ScrapeTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Scrape_reports_runtime_orleans_and_invoices()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(fixture.Client);
        var account = ApiRequests.NewId("c");
        var before = await ScrapeAsync();

        var created = await fixture.Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(
            ApiRequests.Invoice("M-1", account, 100m),
            ApiRequests.Invoice("M-2", account, 200m)));
        var updated = await fixture.Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(
            ApiRequests.Invoice("M-1", account, 150m)));
        var unchanged = await fixture.Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(
            ApiRequests.Invoice("M-1", account, 150m)));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);

        // The exporter caches a scrape for a short time, so the test scrapes until the last push shows.
        var after = await ScrapeUntilAsync(scrape => Delta(before, scrape, "unchanged") >= 1);

        Assert.True(after.HasMetric("dotnet_process_memory_working_set_bytes"), $"No .NET runtime metric in:\n{after.Text}");
        Assert.True(after.HasMetric("orleans_catalog_activation_created_total"), $"No Orleans metric in:\n{after.Text}");
        Assert.True(after.HasMetric("http_server_request_duration_seconds_count"), $"No ASP.NET Core metric in:\n{after.Text}");
        Assert.Equal(2, Delta(before, after, "created"));
        Assert.Equal(1, Delta(before, after, "updated"));
        Assert.Equal(1, Delta(before, after, "unchanged"));
        Assert.Equal(0, Delta(before, after, "rejected"));
        Assert.DoesNotContain(after.Text.Split('\n'), line => line.Contains(vendorId, StringComparison.Ordinal) && !line.StartsWith("termsync_receivables_", StringComparison.Ordinal));
        Assert.DoesNotContain(account, after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_reports_network_and_vendor_receivables()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(fixture.Client);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var invoice = ApiRequests.Invoice("G-1", ApiRequests.NewId("c"), 12345.67m, issueDate: Format(today.AddDays(-3)), dueDate: Format(today.AddDays(27)));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(invoice))).StatusCode);
        var vendorSeries = $"currency=\"USD\",scope=\"vendor\",vendor=\"{vendorId}\"}} 12345.67";

        // Vendor grains send their totals to the network grain within a second, and its gauges follow within 15 seconds.
        var scrape = await ScrapeUntilAsync(text => Lines(text, "termsync_receivables_ar{").Any(line => line.EndsWith(vendorSeries, StringComparison.Ordinal)));

        Assert.Contains(Lines(scrape, "termsync_receivables_ar{"), line => line.Contains("currency=\"USD\",scope=\"network\",vendor=\"\"}", StringComparison.Ordinal));
        Assert.True(scrape.HasMetric("termsync_receivables_current_ar"), $"No current AR gauge in:\n{scrape.Text}");
        Assert.True(scrape.HasMetric("termsync_receivables_dso_days"), $"No DSO gauge in:\n{scrape.Text}");
    }

    private static IEnumerable<string> Lines(PrometheusText scrape, string prefix) =>
        scrape.Text.Split('\n').Where(line => line.StartsWith(prefix, StringComparison.Ordinal));

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Scrape_without_key_is_401()
    {
        using var anonymous = fixture.CreateClient(key: null);

        var response = await anonymous.GetAsync("/metrics", TestContext.Current.CancellationToken);

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Scrape_with_vendor_key_is_403()
    {
        var vendor = await fixture.CreateVendorClientAsync();

        var response = await vendor.Client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Scrape_with_analyst_key_is_allowed()
    {
        var issued = await (await fixture.Client.PostJsonAsync("/analyst-keys", new { label = "Prometheus" })).ReadJsonAsync(HttpStatusCode.Created);
        using var analyst = fixture.CreateClient(issued.GetProperty("key").GetString());

        var response = await analyst.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static double Delta(PrometheusText before, PrometheusText after, string outcome) =>
        after.Sum(InvoicesIngested, "outcome", outcome) - before.Sum(InvoicesIngested, "outcome", outcome);

    private async Task<PrometheusText> ScrapeAsync()
    {
        var response = await fixture.Client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return new PrometheusText(body);
    }

    private async Task<PrometheusText> ScrapeUntilAsync(Func<PrometheusText, bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(ScrapeTimeout);
        var scrape = await ScrapeAsync();
        while (!condition(scrape))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            scrape = await ScrapeAsync();
        }

        return scrape;
    }
}

/// <summary>
/// A cluster of its own that runs while no other test does. Meter listeners see every meter of the process by name,
/// so an API of another collection pushing invoices at the same time would move these counters too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "Metrics";
}
