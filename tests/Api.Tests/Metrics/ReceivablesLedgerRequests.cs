namespace TermSync.Api.Tests.Metrics;

/// <summary>Invoices and payments the receivables tests push through a vendor's key.</summary>
internal static class ReceivablesLedgerRequests
{
    /// <summary>Issues a USD invoice to a new account of the vendor.</summary>
    public static async Task IssueAsync(VendorClient vendor, string invoiceNumber, decimal amount, string issueDate, string dueDate)
    {
        var account = ApiRequests.NewId("acct");
        var invoice = ApiRequests.Invoice(invoiceNumber, account, amount, issueDate: issueDate, dueDate: dueDate);
        await (await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/invoices/batch", ApiRequests.Batch(invoice))).ReadJsonAsync();
    }

    /// <summary>Records a payment on one invoice and fails the test when the API rejects it.</summary>
    public static async Task PayAsync(VendorClient vendor, string invoiceNumber, string paymentReference, decimal amount, string paidOn)
    {
        var payment = new { paymentReference, amount, paidOn };
        var response = await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/invoices/{invoiceNumber}/payments", payment);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"Payment {paymentReference} failed with {(int)response.StatusCode}: {body}");
    }
}
