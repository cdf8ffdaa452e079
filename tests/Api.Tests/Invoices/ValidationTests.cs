using System.Net;
using System.Text;

namespace TermSync.Api.Tests.Invoices;

[Collection(ApiCollection.Name)]
public sealed class ValidationTests(ApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    public static TheoryData<string, object> InvalidVendors => new()
    {
        { "id", new { id = "Has Spaces", name = "A", contactEmail = "ar@a.example" } },
        { "name", new { id = "acme", contactEmail = "ar@a.example" } },
        { "contactEmail", new { id = "acme", name = "A", contactEmail = "not-an-email" } },
        { "timeZone", new { id = "acme", name = "A", contactEmail = "ar@a.example", timeZone = "Mars/Olympus" } },
    };

    [Theory]
    [MemberData(nameof(InvalidVendors))]
    public async Task Invalid_vendor_names_the_field(string field, object body)
    {
        var fields = await HttpAssertions.AssertValidationProblemAsync(await Client.PostJsonAsync("/vendors", body));

        Assert.Equal([field], fields);
    }

    public static TheoryData<string, object> InvalidInvoices => new()
    {
        { "invoices[0].invoiceNumber", new { invoiceNumber = " padded ", customer = Customer, currency = "USD", amount = 1m, issueDate = "2013-01-02", dueDate = "2013-02-01" } },
        { "invoices[0].customer", new { invoiceNumber = "1", currency = "USD", amount = 1m, issueDate = "2013-01-02", dueDate = "2013-02-01" } },
        { "invoices[0].customer.accountNumber", new { invoiceNumber = "1", customer = new { name = "C" }, currency = "USD", amount = 1m, issueDate = "2013-01-02", dueDate = "2013-02-01" } },
        { "invoices[0].customer.email", new { invoiceNumber = "1", customer = new { accountNumber = "c1", name = "C", email = "nope" }, currency = "USD", amount = 1m, issueDate = "2013-01-02", dueDate = "2013-02-01" } },
        { "invoices[0].customer.timeZone", new { invoiceNumber = "1", customer = new { accountNumber = "c1", name = "C", timeZone = "Mars/Base" }, currency = "USD", amount = 1m, issueDate = "2013-01-02", dueDate = "2013-02-01" } },
        { "invoices[0].currency", new { invoiceNumber = "1", customer = Customer, currency = "XYZ", amount = 1m, issueDate = "2013-01-02", dueDate = "2013-02-01" } },
        { "invoices[0].amount", new { invoiceNumber = "1", customer = Customer, currency = "USD", amount = 1.005m, issueDate = "2013-01-02", dueDate = "2013-02-01" } },
        { "invoices[0].amount", new { invoiceNumber = "1", customer = Customer, currency = "JPY", amount = 10.5m, issueDate = "2013-01-02", dueDate = "2013-02-01" } },
        { "invoices[0].amount", new { invoiceNumber = "1", customer = Customer, currency = "KWD", amount = 1.0005m, issueDate = "2013-01-02", dueDate = "2013-02-01" } },
        { "invoices[0].amount", new { invoiceNumber = "1", customer = Customer, currency = "USD", amount = -5m, issueDate = "2013-01-02", dueDate = "2013-02-01" } },
        { "invoices[0].issueDate", new { invoiceNumber = "1", customer = Customer, currency = "USD", amount = 1m, dueDate = "2013-02-01" } },
        { "invoices[0].dueDate", new { invoiceNumber = "1", customer = Customer, currency = "USD", amount = 1m, issueDate = "2013-01-02", dueDate = "2012-12-31" } },
        { "invoices[0].dueDate", new { invoiceNumber = "1", customer = Customer, currency = "USD", amount = 1m, issueDate = "2013-01-02" } },
        { "invoices[0].terms", new { invoiceNumber = "1", customer = Customer, currency = "USD", amount = 1m, issueDate = "2013-01-02", terms = new { netDays = 30, discountPercent = 2m } } },
    };

    [Theory]
    [MemberData(nameof(InvalidInvoices))]
    public async Task Invalid_invoice_is_rejected_naming_field(string field, object invoice)
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);

        var response = await (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(invoice))).ReadJsonAsync();

        var result = response.GetProperty("results")[0];
        Assert.Equal("rejected", result.GetProperty("outcome").GetString());
        Assert.Equal([field], result.GetProperty("errors").EnumerateArray().Select(error => error.GetProperty("field").GetString()));
        Assert.All(result.GetProperty("errors").EnumerateArray(), error => Assert.False(string.IsNullOrEmpty(error.GetProperty("reason").GetString())));
    }

    [Fact]
    public async Task Invalid_item_does_not_block_others()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var account = ApiRequests.NewId("c");

        var response = await (await Client.PostJsonAsync(
            $"/vendors/{vendorId}/invoices/batch",
            ApiRequests.Batch(ApiRequests.Invoice("GOOD-1", account, 10m), ApiRequests.Invoice("BAD-1", account, 10m, currency: "usd")))).ReadJsonAsync();

        Assert.Equal(1, response.GetProperty("created").GetInt32());
        Assert.Equal(1, response.GetProperty("rejected").GetInt32());
        var error = response.GetProperty("results")[1].GetProperty("errors")[0];
        Assert.Equal("invoices[1].currency", error.GetProperty("field").GetString());
        Assert.Equal("usd", error.GetProperty("value").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/vendors/{vendorId}/invoices/GOOD-1", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/vendors/{vendorId}/invoices/BAD-1", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Empty_batch_is_rejected()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);

        var fields = await HttpAssertions.AssertValidationProblemAsync(await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch()));

        Assert.Equal(["invoices"], fields);
    }

    [Fact]
    public async Task Oversized_batch_is_rejected_whole()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var oversized = Enumerable.Range(0, 1001).Select(index => ApiRequests.Invoice($"N-{index}", "c1", 1m)).ToArray();

        var detail = await HttpAssertions.AssertProblemAsync(
            await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(oversized)), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("1000", detail);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/vendors/{vendorId}/invoices/N-0", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Duplicate_number_in_batch_is_rejected()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);

        var response = await (await Client.PostJsonAsync(
            $"/vendors/{vendorId}/invoices/batch",
            ApiRequests.Batch(ApiRequests.Invoice("D-1", "c1", 1m), ApiRequests.Invoice("D-1", "c1", 2m)))).ReadJsonAsync();

        Assert.Equal("created", response.GetProperty("results")[0].GetProperty("outcome").GetString());
        Assert.Equal("rejected", response.GetProperty("results")[1].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Malformed_date_names_the_field()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var json = """{"invoices":[{"invoiceNumber":"1","customer":{"accountNumber":"c1","name":"C"},"currency":"USD","amount":1,"issueDate":"02/01/2013","dueDate":"2013-02-01"}]}""";

        var response = await Client.PostAsync(
            $"/vendors/{vendorId}/invoices/batch",
            new StringContent(json, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        var fields = await HttpAssertions.AssertValidationProblemAsync(response);
        Assert.Contains(fields, field => field.Contains("issueDate", StringComparison.Ordinal));
    }

    public static TheoryData<string, object> InvalidPayments => new()
    {
        { "paymentReference", new { amount = 1m, paidOn = "2013-01-05" } },
        { "amount", new { paymentReference = "p", paidOn = "2013-01-05" } },
        { "amount", new { paymentReference = "p", amount = 0m, paidOn = "2013-01-05" } },
        { "paidOn", new { paymentReference = "p", amount = 1m } },
    };

    [Theory]
    [MemberData(nameof(InvalidPayments))]
    public async Task Invalid_payment_names_the_field(string field, object body)
    {
        var fields = await HttpAssertions.AssertValidationProblemAsync(await Client.PostJsonAsync("/vendors/acme/invoices/1/payments", body));

        Assert.Equal([field], fields);
    }

    [Fact]
    public async Task Unknown_dispute_reason_names_the_field()
    {
        var dispute = new
        {
            kind = "dispute",
            invoices = new[] { new { invoiceNumber = "1" } },
            reason = "because",
            authorName = "Ann Payer",
            text = "The price is wrong",
            raisedAt = "2013-01-05T09:00:00Z",
        };

        var response = await Client.PostJsonAsync("/vendors/acme/conversations", dispute);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var fields = await HttpAssertions.AssertValidationProblemAsync(response);

        Assert.Equal(["reason"], fields);
        Assert.Contains("pricing, quantity, damagedGoods, notReceived, duplicateBilling, other", body);
    }

    private static object Customer => new { accountNumber = "c1", name = "Customer One" };
}
