using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Invoices;

namespace TermSync.Api.Features.Invoices.Get;

public sealed record Request(string VendorId, string InvoiceNumber);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, InvoiceResponse>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/invoices/{invoiceNumber}");
        Summary(summary =>
        {
            summary.Summary = "Read an invoice with its payments, credits and status";
            summary.Description = "The ETag header carries the version; send it back as If-Match when amending the invoice.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var invoiceNumber = InvoiceRoute.Decode(request.InvoiceNumber);
        var invoice = Identifiers.IsVendorId(request.VendorId) && Identifiers.IsInvoiceNumber(invoiceNumber)
            ? await cluster.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(request.VendorId, invoiceNumber)).GetAsync()
            : null;

        if (invoice is null)
        {
            await Send.ResultAsync(Problems.InvoiceNotFound(request.VendorId, invoiceNumber));
            return;
        }

        HttpContext.Response.Headers.ETag = InvoiceResults.ETag(invoice.Version);
        await Send.OkAsync(InvoiceResponse.From(invoice), cancellationToken);
    }
}
