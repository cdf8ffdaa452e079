using System.Net;
using System.Text;
using System.Text.Json;

namespace TermSync.Api.Tests.Ingest;

[Collection(ApiCollection.Name)]
public sealed class InvoiceCsvTests(ApiFixture fixture)
{
    private const string Header = "invoiceNumber,customerAccount,customerName,customerEmail,customerTaxId,currency,amount,issueDate,dueDate,terms\n";

    private HttpClient Client => fixture.Client;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Csv_is_stored_with_or_without_bom(bool byteOrderMark)
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var csv = Header +
            "INV-1,acct-1,Acme Retail,ap@acme.example,,USD,1250.50,2025-03-01,2025-03-31,\n" +
            "INV-2,acct-1,Acme Retail,ap@acme.example,,JPY,1200,2025-03-01,,net 30\n";

        var response = await (await Client.PostCsvAsync($"/vendors/{vendorId}/invoices/csv", csv, byteOrderMark)).ReadJsonAsync();
        var first = await (await Client.GetInvoiceAsync(vendorId, "INV-1")).ReadJsonAsync();
        var second = await (await Client.GetInvoiceAsync(vendorId, "INV-2")).ReadJsonAsync();

        Assert.Equal(2, response.GetProperty("created").GetInt32());
        Assert.Equal("1250.50", first.GetProperty("amount").GetRawText());
        Assert.Equal("2025-03-31", first.GetProperty("dueDate").GetString());
        Assert.Equal("Acme Retail", first.GetProperty("customerName").GetString());
        Assert.Equal("ap@acme.example", first.GetProperty("customerEmail").GetString());
        Assert.Equal("acct-1", first.GetProperty("accountNumber").GetString());
        Assert.Equal("1200", second.GetProperty("amount").GetRawText());
        Assert.Equal("2025-03-31", second.GetProperty("dueDate").GetString());
        Assert.Equal(30, second.GetProperty("terms").GetProperty("netDays").GetInt32());
    }

    [Fact]
    public async Task Quoted_comma_and_line_break_round_trip()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var csv = Header + "\"INV, 7/2025\",acct-1,\"Acme, Inc.\nAccounts Payable\",,,EUR,\"99.90\",2025-03-01,2025-03-31,\n";

        var response = await (await Client.PostCsvAsync($"/vendors/{vendorId}/invoices/csv", csv)).ReadJsonAsync();
        var invoice = await (await Client.GetInvoiceAsync(vendorId, "INV, 7/2025")).ReadJsonAsync();

        var result = Assert.Single(response.GetProperty("results").EnumerateArray());
        Assert.Equal(1, result.GetProperty("rowNumber").GetInt32());
        Assert.Equal("INV, 7/2025", result.GetProperty("invoiceNumber").GetString());
        Assert.Equal("created", result.GetProperty("outcome").GetString());
        Assert.Equal("Acme, Inc.\nAccounts Payable", invoice.GetProperty("customerName").GetString());
        Assert.Equal("99.90", invoice.GetProperty("amount").GetRawText());
    }

    [Fact]
    public async Task Mixed_rows_store_good_and_report_bad()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var longTaxId = new string('9', 51);
        var csv = Header +
            "GOOD-1,acct-1,Acme,,,USD,10.00,2025-03-01,2025-03-31,\n" +
            "BAD-1,acct-1,Acme,,,usd,10.00,2025-03-01,2025-03-31,\n" +
            "BAD-2,acct-1,Acme,,,USD,10.00,03/01/2025,2025-03-31,\n" +
            $"BAD-3,acct-2,Acme,,{longTaxId},USD,10.00,2025-03-01,2025-03-31,\n" +
            "GOOD-2,acct-2,Acme,,,USD,20.00,2025-03-01,,net 30\n";

        var response = await (await Client.PostCsvAsync($"/vendors/{vendorId}/invoices/csv", csv)).ReadJsonAsync();

        var results = response.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4, 5], results.Select(result => result.GetProperty("rowNumber").GetInt32()));
        Assert.Equal(["created", "rejected", "rejected", "rejected", "created"], results.Select(result => result.GetProperty("outcome").GetString()));
        Assert.Equal(2, response.GetProperty("created").GetInt32());
        Assert.Equal(3, response.GetProperty("rejected").GetInt32());
        AssertError(results[1], 2, "currency", "usd", "ISO 4217");
        AssertError(results[2], 3, "issueDate", "03/01/2025", "YYYY-MM-DD");
        AssertError(results[3], 4, "customerTaxId", longTaxId, "at most 50");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetInvoiceAsync(vendorId, "GOOD-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetInvoiceAsync(vendorId, "GOOD-2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetInvoiceAsync(vendorId, "BAD-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetInvoiceAsync(vendorId, "BAD-3")).StatusCode);
    }

    [Fact]
    public async Task Resent_file_is_unchanged()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var csv = Header + "INV-1,acct-1,Acme,,,USD,10.00,2025-03-01,2025-03-31,\n";

        await (await Client.PostCsvAsync($"/vendors/{vendorId}/invoices/csv", csv)).ReadJsonAsync();
        var resent = await (await Client.PostCsvAsync($"/vendors/{vendorId}/invoices/csv", csv)).ReadJsonAsync();

        Assert.Equal(1, resent.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, resent.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task File_over_row_limit_is_rejected_whole()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var csv = new StringBuilder(Header);
        for (var row = 1; row <= 1001; row++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"N-{row},acct-1,Acme,,,USD,1.00,2025-03-01,2025-03-31,\n");
        }

        var detail = await HttpAssertions.AssertProblemAsync(
            await Client.PostCsvAsync($"/vendors/{vendorId}/invoices/csv", csv.ToString()), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("1001 data rows", detail, StringComparison.Ordinal);
        Assert.Contains("the limit is 1000", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetInvoiceAsync(vendorId, "N-1")).StatusCode);
    }

    [Fact]
    public async Task Body_over_size_limit_is_rejected()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var body = Encoding.UTF8.GetBytes(Header + new string('x', 10 * 1024 * 1024));

        var detail = await HttpAssertions.AssertProblemAsync(
            await Client.PostBytesAsync($"/vendors/{vendorId}/invoices/csv", body, "text/csv"), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("10 MiB", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_column_is_named()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var csv = "invoiceNumber,customerAccount,customerName,currency,issueDate,dueDate\nINV-1,acct-1,Acme,USD,2025-03-01,2025-03-31\n";

        var fields = await HttpAssertions.AssertValidationProblemAsync(await Client.PostCsvAsync($"/vendors/{vendorId}/invoices/csv", csv));

        Assert.Equal(["amount"], fields);
    }

    [Fact]
    public async Task Header_without_rows_is_rejected()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);

        var fields = await HttpAssertions.AssertValidationProblemAsync(await Client.PostCsvAsync($"/vendors/{vendorId}/invoices/csv", Header));

        Assert.Equal(["file"], fields);
    }

    [Theory]
    [InlineData("text/plain", HttpStatusCode.OK)]
    [InlineData("application/vnd.ms-excel", HttpStatusCode.OK)]
    [InlineData("application/json", HttpStatusCode.UnsupportedMediaType)]
    public async Task Content_type_is_checked(string mediaType, HttpStatusCode expected)
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var body = Encoding.UTF8.GetBytes(Header + "INV-1,acct-1,Acme,,,USD,10.00,2025-03-01,2025-03-31,\n");

        var response = await Client.PostBytesAsync($"/vendors/{vendorId}/invoices/csv", body, mediaType);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Upload_needs_the_vendors_key()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        using var anonymous = fixture.CreateClient(null);
        var csv = Header + "INV-1,acct-1,Acme,,,USD,10.00,2025-03-01,2025-03-31,\n";

        var withoutKey = await anonymous.PostCsvAsync($"/vendors/{vendor.VendorId}/invoices/csv", csv);
        var withKey = await (await vendor.Client.PostCsvAsync($"/vendors/{vendor.VendorId}/invoices/csv", csv)).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(1, withKey.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task Unknown_vendor_is_not_found()
    {
        var response = await Client.PostCsvAsync($"/vendors/{ApiRequests.NewId("v")}/invoices/csv", Header + "INV-1,acct-1,Acme,,,USD,10.00,2025-03-01,2025-03-31,\n");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static void AssertError(JsonElement result, int rowNumber, string column, string value, string reasonPart)
    {
        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal(rowNumber, error.GetProperty("rowNumber").GetInt32());
        Assert.Equal(column, error.GetProperty("column").GetString());
        Assert.Equal(value, error.GetProperty("value").GetString());
        Assert.Contains(reasonPart, error.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
