using TermSync.Invoices;
using TermSync.Vendors;

namespace TermSync.Benchmarks.DigestCycle;

/// <summary>
/// The vendors, customers and invoices that the benchmark seeds, computed from the customer's number so that every
/// run seeds the same network. Customer n has 5 invoices, billed by the vendors in turn starting at n mod 3, so each
/// customer owes all 3 vendors. The invoices fall due 10 and 3 days before the first round's date and 4, 11 and 18
/// days after it, so 2 are past due in the first round and one more each week after.
/// </summary>
public static class DigestWorkload
{
    /// <summary>Days from the first round's date to the due date of each of a customer's invoices.</summary>
    public static readonly IReadOnlyList<int> DueOffsetDays = [-10, -3, 4, 11, 18];

    /// <summary>Payment terms of every invoice, in days from issue to due date.</summary>
    private const int TermDays = 30;

    /// <summary>The vendor ids with their profiles; each vendor reminds before the due date.</summary>
    public static IReadOnlyList<(string Id, VendorProfile Profile)> Vendors { get; } =
    [
        ("bench-vendor-a", new VendorProfile("Alder Supplies", "ar@alder.example", "UTC")),
        ("bench-vendor-b", new VendorProfile("Birch Logistics", "ar@birch.example", "UTC")),
        ("bench-vendor-c", new VendorProfile("Cedar Software", "ar@cedar.example", "UTC")),
    ];

    /// <summary>Returns the network customer with number <paramref name="customer"/>, counted from 0, with a mailbox so its digest is delivered.</summary>
    public static CustomerReference Customer(int customer) =>
        new($"bench-customer-{customer:D6}", $"Customer {customer:D6}", $"ap@customer-{customer:D6}.example");

    /// <summary>Returns the vendor id, invoice number and draft of invoice <paramref name="invoice"/> (0 to 4) of a customer.</summary>
    public static (string VendorId, string InvoiceNumber, InvoiceDraft Draft) Invoice(int customer, int invoice, DateOnly firstAsOf)
    {
        var vendorId = Vendors[(customer + invoice) % Vendors.Count].Id;
        var dueDate = firstAsOf.AddDays(DueOffsetDays[invoice]);

        // Amounts from 100.00 to 9,099.99 USD, spread by two primes so that rows and totals differ between customers.
        var amount = 100m + ((customer * 7919L + invoice * 104729L) % 900_000) / 100m;
        var draft = new InvoiceDraft(Customer(customer), "USD", amount, dueDate.AddDays(-TermDays), dueDate, $"ACC-{customer:D6}");
        return (vendorId, $"INV-{customer:D6}-{invoice + 1}", draft);
    }
}
