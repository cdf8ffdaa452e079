namespace TermSync.Api.Tests.Metrics;

/// <summary>Invoices and payments the receivables tests push through a vendor's key.</summary>
internal static class ReceivablesLedgerRequests
{
    /// <summary>Issues a USD invoice to a new account of the vendor.</summary>
    public static Task IssueAsync(VendorClient vendor, string invoiceNumber, decimal amount, string issueDate, string dueDate) =>
        IssueToAsync(vendor, ApiRequests.NewId("acct"), invoiceNumber, amount, issueDate, dueDate);

    /// <summary>
    /// Issues a USD invoice to the vendor's <paramref name="account"/> and returns its network customer id. Accounts of
    /// the same name at two vendors share a mailbox, so they are one network customer.
    /// </summary>
    public static async Task<string> IssueToAsync(VendorClient vendor, string account, string invoiceNumber, decimal amount, string issueDate, string dueDate)
    {
        var invoice = ApiRequests.Invoice(invoiceNumber, account, amount, issueDate: issueDate, dueDate: dueDate);
        var pushed = await (await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/invoices/batch", ApiRequests.Batch(invoice))).ReadJsonAsync();
        return ApiRequests.CustomerOf(pushed);
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
