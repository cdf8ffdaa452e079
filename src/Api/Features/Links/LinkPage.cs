using System.Globalization;
using System.Net;
using TermSync.Api.Infrastructure;
using TermSync.Invoices;
using TermSync.Vendors;

namespace TermSync.Api.Features.Links;

/// <summary>
/// Loads what a digest link points at and renders the small HTML pages behind it. A link whose invoice is
/// unknown or billed to another customer gets the same "not valid" page, so it reveals nothing.
/// </summary>
/// <remarks>NOTE: the customer in the link is a plain id, not a signed token, so the check only stops mistyped links.</remarks>
internal static class LinkPage
{
    public static async Task<(InvoiceSnapshot Invoice, VendorProfile Vendor)?> LoadAsync(IClusterClient cluster, LinkRequest request)
    {
        var invoiceNumber = InvoiceRoute.Decode(request.InvoiceNumber);
        if (!Identifiers.IsVendorId(request.VendorId) || !Identifiers.IsInvoiceNumber(invoiceNumber) || request.Customer is null)
        {
            return null;
        }

        var invoice = await cluster.GetGrain<IInvoiceGrain>(InvoiceKey.Format(request.VendorId, invoiceNumber)).GetAsync();
        var vendor = await cluster.GetGrain<IVendorGrain>(request.VendorId).GetProfileAsync();
        return invoice is not null && vendor is not null && invoice.Customer.Id == request.Customer
            ? (invoice, vendor)
            : null;
    }

    public static string NotValid() => Render(
        "This link is not valid",
        "<p>The link does not match an invoice of yours. Open the newest digest and use its link, or ask the vendor for a new statement.</p>");

    public static string Summary(InvoiceSnapshot invoice, VendorProfile vendor) =>
        $"<p>Invoice {Encode(invoice.InvoiceNumber)} from {Encode(vendor.Name)}, due {invoice.DueDate:yyyy-MM-dd}: " +
        $"{Encode(invoice.OpenAmount.ToString(CultureInfo.InvariantCulture))} {invoice.Currency} open of " +
        $"{Encode(invoice.Amount.ToString(CultureInfo.InvariantCulture))} {invoice.Currency}.</p>";

    public static string Render(string title, string body) =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{Encode(title)}</title></head>" +
        $"<body><h1>{Encode(title)}</h1>{body}</body></html>\n";

    public static string Encode(string value) => WebUtility.HtmlEncode(value);
}
