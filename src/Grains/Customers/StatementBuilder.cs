using TermSync.Customers;
using TermSync.Invoices;
using TermSync.Money;

namespace TermSync.Grains.Customers;

/// <summary>Builds a customer's statement from its open-invoice book for an as-of date.</summary>
internal static class StatementBuilder
{
    public static CustomerStatement Build(
        string customerId,
        CustomerReference? customer,
        DateOnly asOf,
        OpenInvoiceBook book,
        IReadOnlyDictionary<string, string> vendorNames)
    {
        var vendors = book.Open.Values
            .GroupBy(invoice => invoice.VendorId, StringComparer.Ordinal)
            .OrderBy(group => vendorNames.GetValueOrDefault(group.Key, group.Key), StringComparer.OrdinalIgnoreCase)
            .Select(group => BuildVendor(group.Key, vendorNames.GetValueOrDefault(group.Key, group.Key), group, book, asOf))
            .ToList();

        var totals = CurrencyTotal.Combine(vendors.SelectMany(vendor => vendor.Totals));

        DateOnly? oldestDue = book.Open.Count == 0 ? null : book.Open.Values.Min(invoice => invoice.DueDate);
        return new CustomerStatement(customerId, customer?.Name, customer?.Email, asOf, vendors, totals, oldestDue, customer?.TimeZone, customer?.Language);
    }

    private static VendorStatement BuildVendor(
        string vendorId,
        string vendorName,
        IEnumerable<InvoiceSnapshot> invoices,
        OpenInvoiceBook book,
        DateOnly asOf)
    {
        var lines = invoices
            .OrderBy(invoice => invoice.DueDate)
            .ThenBy(invoice => invoice.InvoiceNumber, StringComparer.Ordinal)
            .Select(invoice => new StatementLine(
                invoice.InvoiceNumber,
                invoice.Currency,
                invoice.Amount,
                invoice.OpenAmount,
                invoice.IssueDate,
                invoice.DueDate,
                DaysPastDue: Math.Max(0, asOf.DayNumber - invoice.DueDate.DayNumber),
                invoice.DisputeOpen,
                invoice.Status,
                invoice.DisputedAmount,
                invoice.PaymentNotice,
                invoice.AccountNumber))
            .ToList();

        // Counts and open amounts come from the running totals; only past-due amounts depend on the as-of date.
        var totals = lines
            .GroupBy(line => line.Currency, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group =>
            {
                var running = book.Totals[$"{vendorId}|{group.Key}"];
                var pastDue = group.Where(line => line.PastDue).Sum(line => line.OwedAmount);
                return new CurrencyTotal(group.Key, running.OpenCount, running.OpenAmount, pastDue, running.DisputedAmount);
            })
            .ToList();

        return new VendorStatement(vendorId, vendorName, lines, totals);
    }
}
