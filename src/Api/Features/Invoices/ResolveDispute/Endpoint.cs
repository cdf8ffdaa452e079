using TermSync.Api.Infrastructure;
using TermSync.Invoices;

namespace TermSync.Api.Features.Invoices.ResolveDispute;

public sealed class Endpoint(IClusterClient cluster) : InvoiceCommandEndpoint<Request>(cluster)
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/invoices/{invoiceNumber}/dispute/resolution");
        Summary(summary =>
        {
            summary.Summary = "Resolve an invoice's dispute";
            summary.Description = "The invoice returns to the amount owed in the next digest. Resolving an invoice with no open dispute changes nothing.";
        });
    }

    protected override Task<InvoiceCommandResult> ExecuteAsync(IInvoiceGrain invoice, Request request) =>
        invoice.ResolveDisputeAsync(request.ResolvedOn!.Value);
}
