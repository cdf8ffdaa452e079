namespace TermSync.Api.Tests;

/// <summary>Request bodies with ids unique per test, so tests sharing one API never meet.</summary>
internal static class ApiRequests
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static object Vendor(string id, string name = "Acme Supply") =>
        new { id, name, contactEmail = $"ar@{id}.example", timeZone = "Europe/Berlin" };

    public static object Invoice(string number, string account, decimal amount, string currency = "USD", string issueDate = "2013-01-02", string dueDate = "2013-02-01") =>
        new { invoiceNumber = number, customer = new { accountNumber = account, name = $"Customer {account}", email = $"ap@{account}.example" }, currency, amount, issueDate, dueDate };

    /// <summary>Returns the network customer id of the first result of a batch response.</summary>
    public static string CustomerOf(System.Text.Json.JsonElement batchResponse) =>
        batchResponse.GetProperty("results")[0].GetProperty("customerId").GetString()!;

    public static object Batch(params object[] invoices) => new { invoices };

    public static async Task<string> CreateVendorAsync(HttpClient client, string name = "Acme Supply")
    {
        var id = NewId("v");
        var response = await client.PostJsonAsync("/vendors", Vendor(id, name));
        response.EnsureSuccessStatusCode();
        return id;
    }
}
