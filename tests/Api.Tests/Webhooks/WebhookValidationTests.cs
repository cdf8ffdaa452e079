using System.Net;
using System.Text.Json;

namespace TermSync.Api.Tests.Webhooks;

/// <summary>
/// Registration checks under the production rules: https only, no private addresses. Every URL host is an IP literal
/// from a documentation range or a private range, so no test resolves a name or sends a request.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookValidationTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("not a url", "url")]
    [InlineData("ftp://203.0.113.10/hook", "url")]
    [InlineData("", "url")]
    public async Task Malformed_url_is_rejected(string url, string field)
    {
        using var vendor = await fixture.CreateVendorClientAsync();

        var fields = await HttpAssertions.AssertValidationProblemAsync(await Register(vendor, url, "question.opened"));

        Assert.Equal([field], fields);
    }

    [Theory]
    [InlineData("invoice.paid")]
    [InlineData("vendor.replied")]
    [InlineData("QuestionOpened")]
    public async Task Unknown_event_name_is_rejected(string name)
    {
        using var vendor = await fixture.CreateVendorClientAsync();

        var response = await Register(vendor, "https://203.0.113.10/hook", "question.opened", name);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var fields = await HttpAssertions.AssertValidationProblemAsync(response);

        Assert.Equal(["events[1]"], fields);
        Assert.Contains(name, body);
        Assert.Contains("sla.breached", body);
    }

    [Fact]
    public async Task Missing_events_are_rejected()
    {
        using var vendor = await fixture.CreateVendorClientAsync();

        var fields = await HttpAssertions.AssertValidationProblemAsync(await Register(vendor, "https://203.0.113.10/hook"));

        Assert.Equal(["events"], fields);
    }

    [Theory]
    [InlineData("https://10.0.0.7/hook", "private")]
    [InlineData("https://127.0.0.1:8443/hook", "loopback")]
    [InlineData("https://169.254.169.254/latest/meta-data", "link-local")]
    [InlineData("https://[fd00::1]/hook", "private")]
    [InlineData("http://203.0.113.10/hook", "https")]
    public async Task Private_or_plain_http_url_is_rejected(string url, string reason)
    {
        using var vendor = await fixture.CreateVendorClientAsync();

        var response = await Register(vendor, url, "dispute.opened");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var fields = await HttpAssertions.AssertValidationProblemAsync(response);

        Assert.Equal(["url"], fields);
        Assert.Contains(reason, ErrorReason(body, "url"));
        Assert.Empty((await (await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}/webhooks", TestContext.Current.CancellationToken)).ReadJsonAsync())
            .GetProperty("endpoints").EnumerateArray());
    }

    [Fact]
    public async Task Endpoint_lifecycle_hides_secret()
    {
        using var vendor = await fixture.CreateVendorClientAsync();

        var created = await (await Register(vendor, "https://203.0.113.10/lifecycle", "sla.breached", "question.opened")).ReadJsonAsync(HttpStatusCode.Created);
        var endpointId = created.GetProperty("endpointId").GetString()!;
        var listed = await (await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}/webhooks", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var again = await Register(vendor, "https://203.0.113.10/lifecycle", "question.opened");
        var removed = await vendor.Client.DeleteAsync($"/vendors/{vendor.VendorId}/webhooks/{endpointId}", TestContext.Current.CancellationToken);
        var removedAgain = await vendor.Client.DeleteAsync($"/vendors/{vendor.VendorId}/webhooks/{endpointId}", TestContext.Current.CancellationToken);
        var unknown = await vendor.Client.DeleteAsync($"/vendors/{vendor.VendorId}/webhooks/whe_aaaaaaaaaaaaaaaa", TestContext.Current.CancellationToken);

        Assert.StartsWith("whsec_", created.GetProperty("secret").GetString());
        Assert.Equal(["question.opened", "sla.breached"], created.GetProperty("events").EnumerateArray().Select(name => name.GetString()));
        var endpoint = Assert.Single(listed.GetProperty("endpoints").EnumerateArray());
        Assert.Equal(endpointId, endpoint.GetProperty("endpointId").GetString());
        Assert.False(endpoint.TryGetProperty("secret", out _));
        Assert.DoesNotContain(created.GetProperty("secret").GetString()!, listed.GetRawText());
        Assert.Contains(endpointId, await HttpAssertions.AssertProblemAsync(again, HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removedAgain.StatusCode);
        await HttpAssertions.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_delivery_is_404()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var path = $"/vendors/{vendor.VendorId}/webhooks/deliveries/dlv_{new string('0', 32)}";

        var read = await vendor.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var replay = await vendor.Client.PostAsync($"{path}/replay", null, TestContext.Current.CancellationToken);

        await HttpAssertions.AssertProblemAsync(read, HttpStatusCode.NotFound);
        await HttpAssertions.AssertProblemAsync(replay, HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> Register(VendorClient vendor, string url, params string[] events) =>
        vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/webhooks", new { url, events });

    private static string ErrorReason(string problemBody, string field)
    {
        using var document = JsonDocument.Parse(problemBody);
        return document.RootElement.GetProperty("errors").EnumerateArray()
            .Single(error => error.GetProperty("name").GetString() == field)
            .GetProperty("reason").GetString()!;
    }
}
