namespace TermSync.Api.Tests.Ingest;

[Collection(ApiCollection.Name)]
public sealed class PaymentCsvTests(ApiFixture fixture)
{
    private const string InvoiceHeader = "invoiceNumber,customerAccount,customerName,currency,amount,issueDate,dueDate\n";
    private const string PaymentHeader = "paymentReference,customerAccount,currency,amount,receivedOn,invoiceNumber\n";

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Payment_over_three_invoices_is_one_result()
    {
        var vendorId = await CreateVendorWithInvoicesAsync();
        var csv = PaymentHeader +
            "PAY-1,acct-1,EUR,100.00,2025-04-02,INV-1\n" +
            "PAY-2,acct-1,EUR,5.00,2025-04-02,\n" +
            "PAY-1,acct-1,EUR,200.00,2025-04-02,INV 2/2025\n" +
            "PAY-1,acct-1,EUR,150.00,2025-04-02,INV-3\n";

        var response = await (await Client.PostCsvAsync($"/vendors/{vendorId}/payments/csv", csv)).ReadJsonAsync();
        var resent = await (await Client.PostCsvAsync($"/vendors/{vendorId}/payments/csv", csv)).ReadJsonAsync();

        var results = response.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal("PAY-1", results[0].GetProperty("paymentReference").GetString());
        Assert.Equal([1, 3, 4], results[0].GetProperty("rowNumbers").EnumerateArray().Select(row => row.GetInt32()));
        Assert.Equal("created", results[0].GetProperty("outcome").GetString());
        Assert.Equal(450.00m, results[0].GetProperty("payment").GetProperty("remittance").GetProperty("amount").GetDecimal());
        Assert.Equal(3, results[0].GetProperty("payment").GetProperty("applications").GetArrayLength());
        Assert.Equal("PAY-2", results[1].GetProperty("paymentReference").GetString());
        Assert.Equal(5.00m, results[1].GetProperty("payment").GetProperty("unappliedAmount").GetDecimal());
        Assert.Equal(2, response.GetProperty("created").GetInt32());
        Assert.Equal(2, resent.GetProperty("unchanged").GetInt32());
        Assert.Equal("paid", await StatusOfAsync(vendorId, "INV-1"));
        Assert.Equal("paid", await StatusOfAsync(vendorId, "INV 2/2025"));
        Assert.Equal(150.00m, await PaidAmountOfAsync(vendorId, "INV-3"));
        Assert.Equal(150.00m, await OpenAmountOfAsync(vendorId, "INV-3"));
    }

    [Fact]
    public async Task Payment_with_bad_row_is_rejected_whole()
    {
        var vendorId = await CreateVendorWithInvoicesAsync();
        var csv = PaymentHeader +
            "PAY-1,acct-1,EUR,100.00,2025-04-02,INV-1\n" +
            "PAY-1,acct-1,EUR,1.005,2025-04-02,INV-3\n" +
            "PAY-2,acct-1,EUR,50.00,2025-04-02,INV 2/2025\n";

        var response = await (await Client.PostCsvAsync($"/vendors/{vendorId}/payments/csv", csv)).ReadJsonAsync();

        var results = response.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["rejected", "rejected", "created"], results.Select(result => result.GetProperty("outcome").GetString()));
        Assert.Equal("paymentReference", results[0].GetProperty("errors")[0].GetProperty("column").GetString());
        Assert.Contains("row 2 is rejected", results[0].GetProperty("errors")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("amount", results[1].GetProperty("errors")[0].GetProperty("column").GetString());
        Assert.Equal("1.005", results[1].GetProperty("errors")[0].GetProperty("value").GetString());
        Assert.Equal(0m, await PaidAmountOfAsync(vendorId, "INV-1"));
        Assert.Equal(50.00m, await PaidAmountOfAsync(vendorId, "INV 2/2025"));
    }

    [Fact]
    public async Task Payment_of_unknown_invoice_is_rejected()
    {
        var vendorId = await CreateVendorWithInvoicesAsync();
        var csv = PaymentHeader + "PAY-9,acct-1,EUR,10.00,2025-04-02,NOPE-1\n";

        var response = await (await Client.PostCsvAsync($"/vendors/{vendorId}/payments/csv", csv)).ReadJsonAsync();

        var result = Assert.Single(response.GetProperty("results").EnumerateArray());
        Assert.Equal("rejected", result.GetProperty("outcome").GetString());
        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal(1, error.GetProperty("rowNumber").GetInt32());
        Assert.Contains("'NOPE-1' was never issued", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> CreateVendorWithInvoicesAsync()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var invoices = InvoiceHeader +
            "INV-1,acct-1,Acme,EUR,100.00,2025-03-01,2025-03-31\n" +
            "INV 2/2025,acct-1,Acme,EUR,200.00,2025-03-01,2025-03-31\n" +
            "INV-3,acct-1,Acme,EUR,300.00,2025-03-01,2025-03-31\n";
        var issued = await (await Client.PostCsvAsync($"/vendors/{vendorId}/invoices/csv", invoices)).ReadJsonAsync();
        Assert.Equal(3, issued.GetProperty("created").GetInt32());
        return vendorId;
    }

    private async Task<string?> StatusOfAsync(string vendorId, string invoiceNumber) =>
        (await (await Client.GetInvoiceAsync(vendorId, invoiceNumber)).ReadJsonAsync()).GetProperty("status").GetString();

    private async Task<decimal> PaidAmountOfAsync(string vendorId, string invoiceNumber) =>
        (await (await Client.GetInvoiceAsync(vendorId, invoiceNumber)).ReadJsonAsync()).GetProperty("paidAmount").GetDecimal();

    private async Task<decimal> OpenAmountOfAsync(string vendorId, string invoiceNumber) =>
        (await (await Client.GetInvoiceAsync(vendorId, invoiceNumber)).ReadJsonAsync()).GetProperty("openAmount").GetDecimal();
}
