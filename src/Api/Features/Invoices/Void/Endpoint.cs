using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Invoices;

namespace TermSync.Api.Features.Invoices.Void;

public sealed record Request(string VendorId, string InvoiceNumber, DateOnly? VoidedOn) : IInvoiceRoute;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => request.VoidedOn).MustBeDate("void date");
    }
}

public sealed class Endpoint(IClusterClient cluster) : InvoiceCommandEndpoint<Request>(cluster)
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/invoices/{invoiceNumber}/void");
        Summary(summary =>
        {
            summary.Summary = "Void an invoice";
            summary.Description = "Only while nothing is paid, credited or written off (else 409; issue a credit note instead). Voiding again changes nothing.";
        });
    }

    protected override Task<InvoiceCommandResult> ExecuteAsync(IInvoiceGrain invoice, Request request) =>
        invoice.VoidAsync(request.VoidedOn!.Value);
}
