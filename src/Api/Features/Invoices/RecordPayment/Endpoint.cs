using TermSync.Api.Infrastructure;
using TermSync.Invoices;

namespace TermSync.Api.Features.Invoices.RecordPayment;

public sealed class Endpoint(IClusterClient cluster) : InvoiceCommandEndpoint<Request>(cluster)
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/invoices/{invoiceNumber}/payments");
        AllowAnonymous();
        Summary(summary =>
        {
            summary.Summary = "Record a payment on an invoice";
            summary.Description = "The invoice's currency applies; an amount with more decimals than it allows, or above the open amount, is a 409 conflict.";
        });
    }

    protected override Task<InvoiceCommandResult> ExecuteAsync(IInvoiceGrain invoice, Request request) =>
        invoice.RecordPaymentAsync(new PaymentRecord(request.PaymentId!, request.Amount!.Value, request.PaidOn!.Value));
}
