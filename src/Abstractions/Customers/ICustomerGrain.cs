using Orleans.Concurrency;
using TermSync.Invoices;

namespace TermSync.Customers;

/// <summary>
/// A network customer, keyed by customer id: the live aggregate of its open invoices across all vendors.
/// Invoice grains push every change here, so nothing is rebuilt by scanning invoices.
/// </summary>
[Alias("termsync.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies an invoice's new state. A snapshot whose version is not newer than the one applied
    /// before is ignored, so invoice grains may resend after a failure.
    /// </summary>
    [Alias("ApplyInvoice")]
    Task ApplyInvoiceAsync(InvoiceSnapshot invoice);

    /// <summary>Removes an invoice that was moved to another customer, unless a newer version was applied.</summary>
    [Alias("RemoveInvoice")]
    Task RemoveInvoiceAsync(string vendorId, string invoiceNumber, int version);

    /// <summary>Returns the statement with past-due amounts and days computed for <paramref name="asOf"/>.</summary>
    /// <remarks>Interleaves with writes, because the digest grain reads it while this grain may be enrolling the customer.</remarks>
    [Alias("GetStatement"), AlwaysInterleave]
    Task<CustomerStatement> GetStatementAsync(DateOnly asOf);

    /// <summary>
    /// Returns the statement as <see cref="GetStatementAsync"/> does, or null when no vendor ever billed this customer,
    /// so a reader that must tell the two apart makes one call instead of two.
    /// </summary>
    [Alias("FindStatement"), AlwaysInterleave]
    Task<CustomerStatement?> FindStatementAsync(DateOnly asOf);

    /// <summary>Returns whether any vendor ever billed this customer.</summary>
    [Alias("Exists"), AlwaysInterleave]
    Task<bool> ExistsAsync();
}
