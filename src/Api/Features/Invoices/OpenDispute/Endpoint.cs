using TermSync.Api.Infrastructure;
using TermSync.Invoices;

namespace TermSync.Api.Features.Invoices.OpenDispute;

public sealed class Endpoint(IClusterClient cluster) : InvoiceCommandEndpoint<Request>(cluster)
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/invoices/{invoiceNumber}/dispute");
        Summary(summary =>
        {
            summary.Summary = "Open a dispute on an invoice";
            summary.Description = "A disputed invoice is listed under review in digests, not as owed. Opening a dispute on an invoice that has one open changes nothing.";
        });
    }

    protected override Task<InvoiceCommandResult> ExecuteAsync(IInvoiceGrain invoice, Request request) =>
        invoice.OpenDisputeAsync(request.OpenedOn!.Value, request.Reason!, request.Message);
}
