using TermSync.Invoices;
using TermSync.Vendors;

namespace TermSync.Grains.Tests;

/// <summary>Builders of vendors and invoices with ids unique per test, so tests sharing a cluster never meet.</summary>
internal static class TestData
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];

    public static async Task<string> RegisterVendorAsync(IGrainFactory grains, string name)
    {
        var vendorId = NewId("v");
        await grains.GetGrain<IVendorGrain>(vendorId).RegisterAsync(new VendorProfile(name, $"ar@{vendorId}.example", "UTC"));
        return vendorId;
    }

    public static InvoiceDraft Draft(string customerId, decimal amount, string issued = "2013-01-02", string due = "2013-02-01", string currency = "USD") =>
        new(new CustomerReference(customerId, $"Customer {customerId}", $"ap@{customerId}.example"), currency, amount, DateOnly.Parse(issued), DateOnly.Parse(due), AccountNumber: customerId);

    public static IInvoiceGrain Invoice(this IGrainFactory grains, string vendorId, string invoiceNumber) =>
        grains.GetGrain<IInvoiceGrain>(InvoiceKey.Format(vendorId, invoiceNumber));
}
