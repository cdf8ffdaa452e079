using TermSync.Grains.Digests;
using TermSync.Grains.Digests.Links;
using TermSync.Invoices;
using TermSync.Vendors;

namespace TermSync.Api.Features.Links;

/// <summary>The invoice a pay or ask link names, with its vendor, as the invoice grain has it now.</summary>
internal sealed record InvoiceLinkTarget(InvoiceSnapshot Invoice, VendorProfile Vendor)
{
    /// <summary>
    /// Loads the invoice and vendor of verified claims. Returns null when either is unknown or the invoice is now
    /// billed to another customer, so a link never shows another customer's invoice.
    /// </summary>
    public static async Task<InvoiceLinkTarget?> LoadAsync(IClusterClient cluster, DigestLinkClaims claims, ILogger logger)
    {
        var vendorId = claims.VendorId!;
        var invoiceNumber = claims.InvoiceNumber!;
        var invoice = await cluster.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(vendorId, invoiceNumber)).GetAsync();
        var vendor = await cluster.GetGrainCached<IVendorGrain>(vendorId).GetProfileAsync();
        if (invoice is null || vendor is null || invoice.Customer.Id != claims.CustomerId)
        {
            LinkLog.InvoiceNotBilled(logger, claims.Purpose, claims.CustomerId, vendorId, invoiceNumber);
            return null;
        }

        return new InvoiceLinkTarget(invoice, vendor);
    }

    /// <summary>Returns the invoice's vendor, number, due date, open amount and status, in the customer's language, as HTML.</summary>
    public string SummaryHtml(TimeProvider time)
    {
        var format = DigestFormatter.For(Invoice.Customer.Language);
        var today = LinkDates.Today(time, Invoice.Customer.TimeZone);
        var status = Invoice switch
        {
            { IsOpen: false } => "Nothing is owed on this invoice any more.",
            { DisputeOpen: true } => "Under review: the invoice is disputed, so it is not part of the amount you owe while the vendor reviews it.",
            _ => DigestFormatter.DueStatus(Invoice.DueDate, today),
        };

        return "<dl>" +
            $"<dt>Vendor</dt><dd>{LinkPage.Encode(Vendor.Name)}</dd>" +
            $"<dt>Invoice</dt><dd>{LinkPage.Encode(Invoice.InvoiceNumber)}</dd>" +
            $"<dt>Issued</dt><dd>{LinkPage.Encode(format.FormatDate(Invoice.IssueDate))}</dd>" +
            $"<dt>Due</dt><dd>{LinkPage.Encode(format.FormatDate(Invoice.DueDate))}</dd>" +
            $"<dt>Open amount</dt><dd>{LinkPage.Encode(format.FormatAmount(Invoice.OpenAmount, Invoice.Currency))}</dd>" +
            $"<dt>Status</dt><dd>{LinkPage.Encode(status)}</dd>" +
            "</dl>";
    }
}
