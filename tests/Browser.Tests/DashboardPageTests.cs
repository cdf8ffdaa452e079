using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TermSync.Browser.Tests.Hosting;

namespace TermSync.Browser.Tests;

[Collection(DashboardCollection.Name)]
public sealed class DashboardPageTests(DashboardFixture fixture)
{
    // The first load activates every grain the page reads, twelve dates per metric, so it gets more than Playwright's 5 seconds.
    private static readonly LocatorAssertionsToBeVisibleOptions Loaded = new() { Timeout = 60_000 };

    [Fact]
    public async Task Page_is_anonymous_with_content_policy()
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };

        var page = await client.GetAsync("/dashboard", TestContext.Current.CancellationToken);
        var library = await client.GetAsync("/lib/chart.umd.js", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
        Assert.Contains("Chart.js v4.6.1", await library.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Vendor_figures_match_the_API()
    {
        var (vendorId, key) = await SeedVendorAsync();
        using var vendor = fixture.CreateClient(key);
        var responseTime = await WaitForAnsweredQuestionAsync(vendor, vendorId);
        var asOf = responseTime.GetProperty("asOf").GetString()!;
        var median = responseTime.GetProperty("firstResponseCalendar").GetProperty("medianHours");

        var (page, errors) = await OpenDashboardAsync();
        var failedRequests = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failedRequests.Add($"{response.Status} {response.Url}");
            }
        };
        await page.Locator("#api-key").FillAsync(key);
        await page.Locator("#vendor-id").FillAsync(vendorId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show metrics" }).ClickAsync();

        var medianValue = page.Locator("tr[data-figure='first-response-median'] td.value");
        await Assertions.Expect(medianValue).ToBeVisibleAsync(Loaded);
        await Assertions.Expect(page.Locator("canvas#response-time-vendor")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("canvas#dispute-rate-vendor")).ToBeVisibleAsync();
        await Assertions.Expect(medianValue).ToHaveTextAsync(median.GetDecimal().ToString("N2", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("tr[data-figure='first-response-median'] td").Nth(2)).ToHaveTextAsync(asOf);
        await Assertions.Expect(page.Locator("#as-of")).ToHaveValueAsync(asOf);
        await Assertions.Expect(page.Locator("tr[data-figure='unanswered-conversations'] td.value")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("tr[data-figure='issued-invoices'] td.value")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("tr[data-figure='first-response-p90'] td.value")).ToHaveTextAsync(
            responseTime.GetProperty("firstResponseCalendar").GetProperty("p90Hours").GetDecimal().ToString("N2", CultureInfo.InvariantCulture));
        await CheckReceivablesAsync(page, vendor, vendorId, asOf);

        Assert.Equal(key, await page.EvaluateAsync<string>("() => sessionStorage.getItem('termsync.dashboard.apiKey')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Empty(errors);
        Assert.All(failedRequests, request => Assert.Contains("/metrics/receivables?", request));
        Assert.NotEmpty(await Screenshots.SaveAsync(page, "dashboard.png"));
    }

    [Fact]
    public async Task Network_scope_with_analyst_key()
    {
        using var admin = fixture.CreateClient(fixture.AdminKey);
        var issued = await PostAsync(admin, "/analyst-keys", new { label = "dashboard test" });
        var key = issued.GetProperty("key").GetString()!;
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var (page, errors) = await OpenDashboardAsync();
        await page.Locator("#api-key").FillAsync(key);
        await page.GetByLabel("Network (analyst key or admin key)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show metrics" }).ClickAsync();

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync($"Figures as of {asOf}.", new() { Timeout = 60_000 });
        Assert.True(await page.Locator("#vendor-id").IsDisabledAsync());
        await Assertions.Expect(page.Locator("#response-time-note")).ToContainTextAsync("no network-wide response-time");

        using var analyst = fixture.CreateClient(key);
        var response = await analyst.GetAsync($"/metrics/network/receivables?asOf={asOf}&windowDays=90", TestContext.Current.CancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            await Assertions.Expect(page.Locator("#aging-note")).ToContainTextAsync("serves no receivables");
            await Assertions.Expect(page.Locator("#dispute-rate-note")).ToContainTextAsync("serves no network receivables");
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Assertions.Expect(page.Locator("#summary-heading")).ToHaveTextAsync($"Network as of {asOf}");
        }

        Assert.Empty(errors);
    }

    [Fact]
    public async Task API_text_is_shown_as_text()
    {
        var (_, key) = await SeedVendorAsync();
        const string markup = "<img src=x id=injected>";

        var (page, _) = await OpenDashboardAsync();
        await page.Locator("#api-key").FillAsync(key);
        await page.Locator("#vendor-id").FillAsync(markup);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show metrics" }).ClickAsync();

        // The API's 404 names the vendor id as sent, so the markup comes back inside the problem details.
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync(markup, new() { Timeout = 30_000 });
        Assert.Equal(0, await page.Locator("#injected").CountAsync());
    }

    [Fact]
    public async Task Malformed_key_is_reported()
    {
        var (page, _) = await OpenDashboardAsync();
        await page.Locator("#api-key").FillAsync("tsk_not-a-real-key");
        await page.Locator("#vendor-id").FillAsync("v-unknown");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show metrics" }).ClickAsync();

        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("401", new() { Timeout = 30_000 });
        Assert.True(await page.Locator("#summary").IsHiddenAsync());
    }

    // When this API serves no receivables endpoints, the page shows a note in place of the aging and DSO charts.
    private static async Task CheckReceivablesAsync(IPage page, HttpClient vendor, string vendorId, string asOf)
    {
        var response = await vendor.GetAsync($"/vendors/{vendorId}/metrics/receivables?asOf={asOf}&windowDays=90", TestContext.Current.CancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            await Assertions.Expect(page.Locator("#aging-note")).ToContainTextAsync("serves no receivables");
            return;
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var list = body.ValueKind == JsonValueKind.Array ? body : body.EnumerateObject().First(property => property.Value.ValueKind == JsonValueKind.Array).Value;
        var usd = list.EnumerateArray().Single(metrics => metrics.GetProperty("scope").GetProperty("currency").GetString() == "USD");
        var totalAr = usd.GetProperty("aging").GetProperty("totalAr").GetDecimal();
        await Assertions.Expect(page.Locator("canvas#aging-USD")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("canvas#dso-USD")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-figure='total-ar-USD'] td.value")).ToHaveTextAsync(totalAr.ToString("N2", CultureInfo.InvariantCulture));
    }

    /// <summary>Registers a vendor with three invoices and one answered question, and returns its id and a vendor key.</summary>
    private async Task<(string VendorId, string Key)> SeedVendorAsync()
    {
        var vendorId = $"v-{Guid.NewGuid():N}"[..13];
        using var admin = fixture.CreateClient(fixture.AdminKey);
        await PostAsync(admin, "/vendors", new { id = vendorId, name = "Acme Supply", contactEmail = $"ar@{vendorId}.example", timeZone = "Europe/Berlin" });
        var issued = await PostAsync(admin, $"/vendors/{vendorId}/api-keys", null);
        var key = issued.GetProperty("key").GetString()!;

        using var vendor = fixture.CreateClient(key);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var customer = new { accountNumber = "ACC-1", name = "Northwind Traders", email = "ap@northwind.example" };
        await PostAsync(vendor, $"/vendors/{vendorId}/invoices/batch", new
        {
            invoices = new[]
            {
                Invoice("INV-1", customer, 1200m, today.AddDays(-50), today.AddDays(-20)),
                Invoice("INV-2", customer, 800m, today.AddDays(-20), today.AddDays(10)),
                Invoice("INV-3", customer, 450.5m, today.AddDays(-5), today.AddDays(25)),
            },
        });

        // Raised three hours before the reply, which the API stamps with the current time.
        await PostAsync(vendor, $"/vendors/{vendorId}/conversations", new
        {
            conversationId = "q-1",
            kind = "question",
            invoices = new[] { new { invoiceNumber = "INV-2" } },
            authorName = "Dana",
            text = "Which purchase order is this for?",
            raisedAt = DateTimeOffset.UtcNow.AddHours(-3),
        });
        await PostAsync(vendor, $"/vendors/{vendorId}/conversations/q-1/messages", new { messageId = "m-1", authorName = "Sam", text = "PO 4471." });
        return (vendorId, key);
    }

    private static object Invoice(string number, object customer, decimal amount, DateOnly issueDate, DateOnly dueDate) =>
        new { invoiceNumber = number, customer, currency = "USD", amount, issueDate = issueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dueDate = dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };

    private async Task<(IPage Page, List<string> Errors)> OpenDashboardAsync()
    {
        var (page, errors) = await fixture.OpenPageAsync();
        var response = await page.GotoAsync(new Uri(fixture.BaseAddress, "/dashboard").ToString());
        Assert.Equal(200, response?.Status);
        return (page, errors);
    }

    // The figures grain applies conversation events after the reply's response, so the figure can lag the reply briefly.
    private static async Task<JsonElement> WaitForAnsweredQuestionAsync(HttpClient vendor, string vendorId)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var figures = await GetJsonAsync(vendor, $"/vendors/{vendorId}/metrics/response-time");
            if (figures.GetProperty("firstResponseCalendar").GetProperty("count").GetInt32() == 1)
            {
                return figures;
            }

            Assert.False(timeout.IsCancellationRequested, $"The answered question did not reach the response-time figures within 30 seconds: {figures}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} returned {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object? body)
    {
        var response = body is null
            ? await client.PostAsync(path, null, TestContext.Current.CancellationToken)
            : await client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} returned {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
