using System.Net;

namespace TermSync.Api.Tests.Idempotency;

/// <summary>Idempotency-Key on the API's own POST endpoints.</summary>
[Collection(IdempotencyCollection.Name)]
public sealed class EndpointReplayTests(IdempotencyFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Vendor_create_replays_201()
    {
        var key = IdempotentRequests.NewKey();
        var vendor = ApiRequests.Vendor(ApiRequests.NewId("v"));

        var created = await Client.PostAsync("/vendors", vendor, key);
        var replayed = await Client.PostAsync("/vendors", vendor, key);
        var withoutKey = await Client.PostAsync("/vendors", vendor, key: null);

        // Run again, the endpoint returns 200 for an existing vendor, so a 201 shows the stored response.
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(created.IsReplayed());
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.True(replayed.IsReplayed());
        Assert.Equal(await created.ReadBodyAsync(), await replayed.ReadBodyAsync());
        Assert.Equal(created.Content.Headers.ContentType, replayed.Content.Headers.ContentType);
        Assert.Equal(HttpStatusCode.OK, withoutKey.StatusCode);
    }

    [Fact]
    public async Task Batch_replay_reports_first_outcome()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var batch = ApiRequests.Batch(ApiRequests.Invoice("INV-1", ApiRequests.NewId("c"), 100.00m));
        var key = IdempotentRequests.NewKey();

        var first = await Client.PostAsync($"/vendors/{vendorId}/invoices/batch", batch, key);
        var replayed = await Client.PostAsync($"/vendors/{vendorId}/invoices/batch", batch, key);
        var invoice = await (await Client.GetAsync($"/vendors/{vendorId}/invoices/INV-1", TestContext.Current.CancellationToken)).ReadJsonAsync();

        var firstBody = await first.ReadJsonAsync();
        Assert.Equal(1, firstBody.GetProperty("created").GetInt32());
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.True(replayed.IsReplayed());
        Assert.Equal(await first.ReadBodyAsync(), await replayed.ReadBodyAsync());
        Assert.Equal(1, invoice.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Payment_replay_applies_once()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("INV-1", ApiRequests.NewId("c"), 100.00m)))).EnsureSuccessStatusCode();
        var payment = new { paymentReference = "bank-1", amount = 40.00m, paidOn = "2013-02-10" };
        var key = IdempotentRequests.NewKey();

        var first = await Client.PostAsync($"/vendors/{vendorId}/invoices/INV-1/payments", payment, key);
        var replayed = await Client.PostAsync($"/vendors/{vendorId}/invoices/INV-1/payments", payment, key);
        var invoice = await (await Client.GetAsync($"/vendors/{vendorId}/invoices/INV-1", TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(replayed.IsReplayed());
        Assert.Equal(await first.ReadBodyAsync(), await replayed.ReadBodyAsync());
        Assert.Equal(40.00m, invoice.GetProperty("paidAmount").GetDecimal());
        Assert.Equal(60.00m, invoice.GetProperty("openAmount").GetDecimal());
    }

    [Fact]
    public async Task Different_body_is_422_and_writes_nothing()
    {
        var vendorId = ApiRequests.NewId("v");
        var key = IdempotentRequests.NewKey();

        var created = await Client.PostAsync("/vendors", ApiRequests.Vendor(vendorId, "First Name"), key);
        var reused = await Client.PostAsync("/vendors", ApiRequests.Vendor(vendorId, "Second Name"), key);
        var vendor = await (await Client.GetAsync($"/vendors/{vendorId}", TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var detail = await HttpAssertions.AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("different request", detail);
        Assert.False(reused.IsReplayed());
        Assert.Equal("First Name", vendor.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Different_path_is_422()
    {
        var key = IdempotentRequests.NewKey();
        var vendor = ApiRequests.Vendor(ApiRequests.NewId("v"));

        var created = await Client.PostAsync("/vendors", vendor, key);
        var otherQuery = await Client.PostAsync("/vendors?source=retry", vendor, key);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await HttpAssertions.AssertProblemAsync(otherQuery, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Validation_failure_is_replayed()
    {
        var key = IdempotentRequests.NewKey();
        var invalid = new { id = "Has Spaces", name = "A", contactEmail = "ar@a.example" };

        var first = await Client.PostAsync("/vendors", invalid, key);
        var replayed = await Client.PostAsync("/vendors", invalid, key);

        Assert.Equal(["id"], await HttpAssertions.AssertValidationProblemAsync(first));
        Assert.Equal(["id"], await HttpAssertions.AssertValidationProblemAsync(replayed));
        Assert.True(replayed.IsReplayed());
    }
}
