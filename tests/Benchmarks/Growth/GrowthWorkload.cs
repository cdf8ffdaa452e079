using TermSync.Invoices;
using TermSync.Vendors;

namespace TermSync.Benchmarks.Growth;

/// <summary>
/// The vendors, customers and invoices of the growth benchmark, computed from numbers so that every run issues the same
/// ones. Every invoice is in USD and was due before the run, so no invoice falls due while it runs.
/// </summary>
public static class GrowthWorkload
{
    private static readonly DateOnly IssueDate = new(2025, 1, 6);

    /// <summary>Returns the id and profile of vendor <paramref name="vendor"/>, counted from 0.</summary>
    public static (string Id, VendorProfile Profile) Vendor(int vendor) =>
        ($"growth-vendor-{vendor:D3}", new VendorProfile($"Growth Vendor {vendor:D3}", $"ar@vendor-{vendor:D3}.example", "UTC"));

    /// <summary>
    /// Returns the invoice key and draft of invoice <paramref name="invoice"/> (from 0) of customer
    /// <paramref name="customer"/> in the group <paramref name="group"/>, which keeps the customers of each step and of
    /// the network apart. The customer's invoices are billed by the vendors in turn.
    /// </summary>
    public static (string Key, InvoiceDraft Draft) Invoice(string group, int customer, int invoice, int vendors)
    {
        var vendorId = Vendor((customer + invoice) % vendors).Id;
        var customerId = $"growth-{group}-{customer:D7}";
        var reference = new CustomerReference(customerId, $"Customer {group} {customer:D7}", $"ap@{customerId}.example");

        // Amounts from 100.00 to 9,099.99 USD, spread by two primes so that totals differ between customers.
        var amount = 100m + ((customer * 7919L + invoice * 104729L) % 900_000) / 100m;
        var issueDate = IssueDate.AddDays(-(customer % 60));
        var draft = new InvoiceDraft(reference, "USD", amount, issueDate, issueDate.AddDays(30), $"ACC-{customer:D7}");
        return (InvoiceKey.Format(vendorId, $"INV-{customer:D7}-{invoice + 1}"), draft);
    }
}
