using System.Net;

namespace TermSync.Api.Tests.Invoices;

[Collection(ApiCollection.Name)]
public sealed class InvoiceFlowTests(ApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Vendor_create_is_idempotent()
    {
        var id = ApiRequests.NewId("v");

        var created = await Client.PostJsonAsync("/vendors", ApiRequests.Vendor(id));
        var repeated = await Client.PostJsonAsync("/vendors", ApiRequests.Vendor(id));
        var read = await (await Client.GetAsync($"/vendors/{id}", TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal("Europe/Berlin", read.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Invoice_lifecycle_reaches_statement_and_digest()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client, "North <b>Supply</b>");
        var otherVendorId = await ApiRequests.CreateVendorAsync(Client, "South");
        var account = ApiRequests.NewId("c");

        var pushed = await (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(
            ApiRequests.Invoice("INV 1/2013", account, 100.00m),
            ApiRequests.Invoice("INV-2", account, 50.50m, dueDate: "2013-04-01")))).ReadJsonAsync();
        Assert.Equal(2, pushed.GetProperty("created").GetInt32());
        var customerId = ApiRequests.CustomerOf(pushed);
        var other = await (await Client.PostJsonAsync($"/vendors/{otherVendorId}/invoices/batch", ApiRequests.Batch(
            ApiRequests.Invoice("S-1", account, 3000m, currency: "JPY")))).ReadJsonAsync();
        Assert.Equal(customerId, ApiRequests.CustomerOf(other));

        var repushed = await (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(
            ApiRequests.Invoice("INV 1/2013", account, 100.00m)))).ReadJsonAsync();
        Assert.Equal(1, repushed.GetProperty("unchanged").GetInt32());

        var escapedNumber = Uri.EscapeDataString("INV 1/2013");
        var payment = new { paymentReference = "bank-1", amount = 40.00m, paidOn = "2013-02-10" };
        var paid = await (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/{escapedNumber}/payments", payment)).ReadJsonAsync();
        var paidAgain = await (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/{escapedNumber}/payments", payment)).ReadJsonAsync();
        Assert.Equal(60.00m, paid.GetProperty("openAmount").GetDecimal());
        Assert.Equal(60.00m, paidAgain.GetProperty("openAmount").GetDecimal());

        var dispute = new
        {
            conversationId = "dispute-inv-2",
            kind = "dispute",
            invoices = new[] { new { invoiceNumber = "INV-2" } },
            reason = "quantity",
            authorName = "Ann Payer",
            text = "Two cases were missing",
            raisedAt = "2013-02-12T09:00:00+01:00",
        };
        var recorded = await (await Client.PostJsonAsync($"/vendors/{vendorId}/conversations", dispute)).ReadJsonAsync(HttpStatusCode.Created);
        var recordedAgain = await (await Client.PostJsonAsync($"/vendors/{vendorId}/conversations", dispute)).ReadJsonAsync();
        Assert.Equal("dispute", recorded.GetProperty("kind").GetString());
        Assert.Equal("quantity", recorded.GetProperty("reason").GetString());
        Assert.True(recorded.GetProperty("recordedByStaff").GetBoolean());
        Assert.Equal(new DateTimeOffset(2013, 2, 12, 8, 0, 0, TimeSpan.Zero), recorded.GetProperty("openedAt").GetDateTimeOffset());
        Assert.Equal(recorded.GetProperty("version").GetInt32(), recordedAgain.GetProperty("version").GetInt32());
        var disputed = await (await Client.GetAsync($"/vendors/{vendorId}/invoices/INV-2", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.True(disputed.GetProperty("disputeOpen").GetBoolean());

        var statement = await (await Client.GetAsync($"/customers/{customerId}/statement?asOf=2013-03-01", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var usd = statement.GetProperty("totals").EnumerateArray().Single(total => total.GetProperty("currency").GetString() == "USD");
        Assert.Equal(3, statement.GetProperty("openCount").GetInt32());
        Assert.Equal(2, statement.GetProperty("vendors").GetArrayLength());
        Assert.Equal(110.50m, usd.GetProperty("openAmount").GetDecimal());
        Assert.Equal(60.00m, usd.GetProperty("pastDueAmount").GetDecimal());
        Assert.Equal(50.50m, usd.GetProperty("disputedAmount").GetDecimal());
        Assert.Equal(60.00m, usd.GetProperty("owedAmount").GetDecimal());

        var preview = await (await Client.GetAsync($"/customers/{customerId}/digests/preview?asOf=2013-03-01", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var html = preview.GetProperty("html").GetString()!;
        Assert.Contains("North &lt;b&gt;Supply&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>Supply</b>", html);

        var cycle = await (await Client.PostJsonAsync("/digest-cycles", new { asOf = "2013-03-01" })).ReadJsonAsync();
        Assert.True(cycle.GetProperty("sent").GetInt32() >= 1);
        var history = await (await Client.GetAsync($"/customers/{customerId}/digests", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var record = history.GetProperty("digests").EnumerateArray().Single();
        Assert.Equal("2013-02-25", record.GetProperty("period").GetString());
        Assert.Equal(2, record.GetProperty("vendorCount").GetInt32());
        Assert.True(File.Exists(record.GetProperty("location").GetString()));

        await (await Client.PostJsonAsync("/digest-cycles", new { asOf = "2013-03-02" })).ReadJsonAsync();
        var again = await (await Client.GetAsync($"/customers/{customerId}/digests", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(1, again.GetProperty("digests").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_ids_return_not_found()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var cancellation = TestContext.Current.CancellationToken;

        await HttpAssertions.AssertProblemAsync(await Client.GetAsync("/vendors/no-such-vendor", cancellation), HttpStatusCode.NotFound);
        await HttpAssertions.AssertProblemAsync(await Client.GetAsync($"/vendors/{vendorId}/invoices/none", cancellation), HttpStatusCode.NotFound);
        await HttpAssertions.AssertProblemAsync(await Client.GetAsync("/customers/nobody/statement", cancellation), HttpStatusCode.NotFound);
        await HttpAssertions.AssertProblemAsync(await Client.GetAsync("/customers/nobody/digests", cancellation), HttpStatusCode.NotFound);
        await HttpAssertions.AssertProblemAsync(
            await Client.PostJsonAsync("/vendors/no-such-vendor/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("1", "c1", 1m))),
            HttpStatusCode.NotFound);
        await HttpAssertions.AssertProblemAsync(
            await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/none/payments", new { paymentReference = "p", amount = 1m, paidOn = "2013-01-01" }),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Overpayment_becomes_unapplied_credit()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var account = ApiRequests.NewId("c");
        await (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("O-1", account, 10m)))).ReadJsonAsync();

        var paid = await (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/O-1/payments", new { paymentReference = "p", amount = 10.01m, paidOn = "2013-01-05" })).ReadJsonAsync();
        var accountView = await (await Client.GetAsync($"/vendors/{vendorId}/customers/{account}", TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal(0m, paid.GetProperty("openAmount").GetDecimal());
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        Assert.Equal(0.01m, accountView.GetProperty("unappliedCredit").GetProperty("USD").GetDecimal());
    }

    [Fact]
    public async Task Payment_with_other_values_under_used_reference_conflicts()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        await (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("R-1", ApiRequests.NewId("c"), 10m)))).ReadJsonAsync();
        await (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/R-1/payments", new { paymentReference = "ref-1", amount = 4m, paidOn = "2013-01-05" })).ReadJsonAsync();

        var response = await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/R-1/payments", new { paymentReference = "ref-1", amount = 5m, paidOn = "2013-01-05" });

        var detail = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("ref-1", detail);
    }

    [Fact]
    public async Task OpenApi_document_is_served()
    {
        var document = await (await Client.GetAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken)).ReadJsonAsync();

        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains("/vendors/{vendorId}/invoices/batch", paths);
        Assert.Contains("/customers/{customerId}/statement", paths);
    }
}
