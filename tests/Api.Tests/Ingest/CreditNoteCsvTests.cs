namespace TermSync.Api.Tests.Ingest;

[Collection(ApiCollection.Name)]
public sealed class CreditNoteCsvTests(ApiFixture fixture)
{
    private const string Header = "creditNoteNumber,invoiceNumber,currency,amount,issueDate\n";

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Credit_beyond_creditable_amount_names_remaining()
    {
        var vendorId = await CreateVendorWithInvoiceAsync();
        var csv = Header +
            "CN-1,INV-1,USD,60.00,2025-03-05\n" +
            "CN-2,INV-1,USD,50.00,2025-03-06\n";

        var response = await (await Client.PostCsvAsync($"/vendors/{vendorId}/credit-notes/csv", csv)).ReadJsonAsync();

        var results = response.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal("created", results[0].GetProperty("outcome").GetString());
        Assert.Equal(40.00m, results[0].GetProperty("invoice").GetProperty("openAmount").GetDecimal());
        Assert.Equal("rejected", results[1].GetProperty("outcome").GetString());
        var error = Assert.Single(results[1].GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("rowNumber").GetInt32());
        Assert.Equal("amount", error.GetProperty("column").GetString());
        Assert.Equal("50.00", error.GetProperty("value").GetString());
        Assert.Contains("remaining creditable amount of 40.00 USD", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(60.00m, (await (await Client.GetInvoiceAsync(vendorId, "INV-1")).ReadJsonAsync()).GetProperty("creditedAmount").GetDecimal());
    }

    [Fact]
    public async Task Invalid_credit_rows_name_column()
    {
        var vendorId = await CreateVendorWithInvoiceAsync();
        var csv = Header +
            "CN-1,INV-1,EUR,10.00,2025-03-05\n" +
            "CN-2,NOPE-1,USD,10.00,2025-03-05\n" +
            "CN-3,INV-1,USD,-1,2025-03-05\n" +
            "CN-4,INV-1,USD,10.00,2025-03-05\n";

        var response = await (await Client.PostCsvAsync($"/vendors/{vendorId}/credit-notes/csv", csv)).ReadJsonAsync();

        var results = response.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["rejected", "rejected", "rejected", "created"], results.Select(result => result.GetProperty("outcome").GetString()));
        Assert.Equal(["currency", "invoiceNumber", "amount"], results.Take(3).Select(result => result.GetProperty("errors")[0].GetProperty("column").GetString()));
        Assert.Contains("in USD", results[0].GetProperty("errors")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, response.GetProperty("rejected").GetInt32());
        Assert.Equal(10.00m, (await (await Client.GetInvoiceAsync(vendorId, "INV-1")).ReadJsonAsync()).GetProperty("creditedAmount").GetDecimal());
    }

    private async Task<string> CreateVendorWithInvoiceAsync()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        await (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("INV-1", "c1", 100.00m)))).ReadJsonAsync();
        return vendorId;
    }
}
