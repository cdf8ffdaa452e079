using System.Globalization;
using System.Text.Json;

namespace TermSync.Browser.Tests.Portal;

/// <summary>A customer's statement as GET /customers/{customerId}/statement returns it, reduced to what the portal shows.</summary>
public sealed record ApiStatement(string CustomerId, string? Name, IReadOnlyList<ApiVendor> Vendors)
{
    public IEnumerable<ApiLine> Lines => Vendors.SelectMany(vendor => vendor.Lines);

    public ApiVendor Vendor(string vendorId) => Vendors.Single(vendor => vendor.VendorId == vendorId);

    public static ApiStatement Parse(JsonElement json)
    {
        var vendors = json.GetProperty("vendors").EnumerateArray().Select(vendor =>
        {
            var vendorId = vendor.GetProperty("vendorId").GetString()!;
            var lines = vendor.GetProperty("invoices").EnumerateArray().Select(line => new ApiLine(
                vendorId,
                line.GetProperty("invoiceNumber").GetString()!,
                line.GetProperty("currency").GetString()!,
                line.GetProperty("openAmount").GetDecimal(),
                line.GetProperty("disputedAmount").GetDecimal(),
                DateOnly.ParseExact(line.GetProperty("dueDate").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                line.GetProperty("daysPastDue").GetInt32(),
                line.GetProperty("disputed").GetBoolean()));
            return new ApiVendor(vendorId, vendor.GetProperty("vendorName").GetString()!, [.. lines]);
        });
        return new ApiStatement(json.GetProperty("customerId").GetString()!, json.GetProperty("name").GetString(), [.. vendors]);
    }
}

public sealed record ApiVendor(string VendorId, string VendorName, IReadOnlyList<ApiLine> Lines);

/// <summary>One open invoice of the statement.</summary>
/// <param name="DisputedAmount">The part of <paramref name="OpenAmount"/> that an open dispute holds back.</param>
public sealed record ApiLine(
    string VendorId, string InvoiceNumber, string Currency, decimal OpenAmount, decimal DisputedAmount, DateOnly DueDate, int DaysPastDue, bool Disputed)
{
    /// <summary>What the customer owes on the invoice: the open amount less what a dispute holds back.</summary>
    public decimal Owed => OpenAmount - DisputedAmount;
}

/// <summary>The totals of one currency, computed by the test from the statement's lines.</summary>
public sealed record ExpectedTotal(string Currency, decimal Owed, decimal PastDue, decimal UnderReview, int InvoiceCount)
{
    public static IReadOnlyList<ExpectedTotal> Of(IEnumerable<ApiLine> lines)
    {
        var totals = new SortedDictionary<string, ExpectedTotal>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var total = totals.GetValueOrDefault(line.Currency) ?? new ExpectedTotal(line.Currency, 0m, 0m, 0m, 0);
            totals[line.Currency] = total with
            {
                Owed = total.Owed + line.Owed,
                PastDue = total.PastDue + (line.DaysPastDue > 0 ? line.Owed : 0m),
                UnderReview = total.UnderReview + line.DisputedAmount,
                InvoiceCount = total.InvoiceCount + 1,
            };
        }

        return [.. totals.Values];
    }
}
