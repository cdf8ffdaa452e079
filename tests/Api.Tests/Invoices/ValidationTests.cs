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
        { "invoices[0].customer.id", new { invoiceNumber = "1", customer = new { id = "bad id!", name = "C" }, currency = "USD", amount = 1m, issueDate = "2013-01-02", dueDate = "2013-02-01" } },
        { "invoices[0].customer.email", new { invoiceNumber = "1", customer = new { id = "c1", name = "C", email = "nope" }, currency = "USD", amount = 1m, issueDate = "2013-01-02", dueDate = "2013-02-01" } },
        { "invoices[0].currency", new { invoiceNumber = "1", customer = Customer, currency = "XYZ", amount = 1m, issueDate = "2013-01-02", dueDate = "2013-02-01" } },
        { "invoices[0].amount", new { invoiceNumber = "1", customer = Customer, currency = "USD", amount = 1.005m, issueDate = "2013-01-02", dueDate = "2013-02-01" } },
        { "invoices[0].amount", new { invoiceNumber = "1", customer = Customer, currency = "JPY", amount = 10.5m, issueDate = "2013-01-02", dueDate = "2013-02-01" } },
        { "invoices[0].amount", new { invoiceNumber = "1", customer = Customer, currency = "USD", amount = -5m, issueDate = "2013-01-02", dueDate = "2013-02-01" } },
        { "invoices[0].issueDate", new { invoiceNumber = "1", customer = Customer, currency = "USD", amount = 1m, dueDate = "2013-02-01" } },
        { "invoices[0].dueDate", new { invoiceNumber = "1", customer = Customer, currency = "USD", amount = 1m, issueDate = "2013-01-02", dueDate = "2012-12-31" } },
    };

    [Theory]
    [MemberData(nameof(InvalidInvoices))]
    public async Task Invalid_invoice_names_the_field(string field, object invoice)
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);

        var fields = await HttpAssertions.AssertValidationProblemAsync(
            await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(invoice)));

        Assert.Equal([field], fields);
    }

    [Fact]
    public async Task Batch_with_one_invalid_invoice_writes_nothing()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var customerId = ApiRequests.NewId("c");

        var fields = await HttpAssertions.AssertValidationProblemAsync(await Client.PostJsonAsync(
            $"/vendors/{vendorId}/invoices/batch",
            ApiRequests.Batch(ApiRequests.Invoice("GOOD-1", customerId, 10m), ApiRequests.Invoice("BAD-1", customerId, 10m, currency: "usd"))));

        Assert.Equal(["invoices[1].currency"], fields);
        var read = await Client.GetAsync($"/vendors/{vendorId}/invoices/GOOD-1", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Empty_and_oversized_batches_are_rejected()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var oversized = Enumerable.Range(0, 1001).Select(index => ApiRequests.Invoice($"N-{index}", "c1", 1m)).ToArray();

        var empty = await HttpAssertions.AssertValidationProblemAsync(await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch()));
        var tooMany = await HttpAssertions.AssertValidationProblemAsync(await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(oversized)));

        Assert.Equal(["invoices"], empty);
        Assert.Equal(["invoices"], tooMany);
    }

    [Fact]
    public async Task Duplicate_numbers_in_batch_are_rejected()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);

        var fields = await HttpAssertions.AssertValidationProblemAsync(await Client.PostJsonAsync(
            $"/vendors/{vendorId}/invoices/batch",
            ApiRequests.Batch(ApiRequests.Invoice("D-1", "c1", 1m), ApiRequests.Invoice("D-1", "c1", 2m))));

        Assert.Equal(["invoices"], fields);
    }

    [Fact]
    public async Task Malformed_date_names_the_field()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var json = """{"invoices":[{"invoiceNumber":"1","customer":{"id":"c1","name":"C"},"currency":"USD","amount":1,"issueDate":"02/01/2013","dueDate":"2013-02-01"}]}""";

        var response = await Client.PostAsync(
            $"/vendors/{vendorId}/invoices/batch",
            new StringContent(json, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        var fields = await HttpAssertions.AssertValidationProblemAsync(response);
        Assert.Contains(fields, field => field.Contains("issueDate", StringComparison.Ordinal));
    }

    public static TheoryData<string, object> InvalidPayments => new()
    {
        { "paymentId", new { amount = 1m, paidOn = "2013-01-05" } },
        { "amount", new { paymentId = "p", paidOn = "2013-01-05" } },
        { "amount", new { paymentId = "p", amount = 0m, paidOn = "2013-01-05" } },
        { "paidOn", new { paymentId = "p", amount = 1m } },
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
        var fields = await HttpAssertions.AssertValidationProblemAsync(
            await Client.PostJsonAsync("/vendors/acme/invoices/1/dispute", new { openedOn = "2013-01-05", reason = "because" }));

        Assert.Equal(["reason"], fields);
    }

    private static object Customer => new { id = "c1", name = "Customer One" };
}
