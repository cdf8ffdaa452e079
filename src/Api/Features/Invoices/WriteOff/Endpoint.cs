using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Invoices;

namespace TermSync.Api.Features.Invoices.WriteOff;

public sealed record Request(string VendorId, string InvoiceNumber, DateOnly? WrittenOffOn) : IInvoiceRoute;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => request.WrittenOffOn).MustBeDate("write-off date");
    }
}

public sealed class Endpoint(IClusterClient cluster) : InvoiceCommandEndpoint<Request>(cluster)
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/invoices/{invoiceNumber}/write-off");
        Summary(summary =>
        {
            summary.Summary = "Write off an invoice's open remainder";
            summary.Description = "The remainder leaves receivables as a write-off, reported apart from payments. Writing off again changes nothing.";
        });
    }

    protected override Task<InvoiceCommandResult> ExecuteAsync(IInvoiceGrain invoice, Request request) =>
        invoice.WriteOffAsync(request.WrittenOffOn!.Value);
}
