using FastEndpoints;
using FluentValidation.Results;
using TermSync.Api.Infrastructure;
using TermSync.Invoices;

namespace TermSync.Api.Features.Customers.PaymentNotices.Record;

public sealed class Endpoint(IClusterClient cluster, TimeProvider time) : Endpoint<Request, InvoiceResponse>
{
    public override void Configure()
    {
        Post("/customers/{customerId}/invoices/{vendorId}/{invoiceNumber}/payment-notices");
        Summary(summary =>
        {
            summary.Summary = "Tell a vendor that an invoice was paid, or when it will be";
            summary.Description = "Stores the customer's notice on one open invoice and replaces any earlier one. A paid notice keeps the invoice out " +
                $"of digests for {PaymentNotice.PaidClearingDays} days after the paid date, and a promise until the promised date has passed. " +
                "The invoice must be the vendor's and billed to this customer; any other reads as not found. Returns 201 with the invoice; the same " +
                "kind, date and method again return 200 and change nothing. An invoice with nothing open is 409.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var invoiceNumber = InvoiceRoute.Decode(request.InvoiceNumber);
        var result = await PaymentNoticeCommand.SendAsync(cluster, request, invoiceNumber, time.GetUtcNow());
        switch (result.Status)
        {
            case InvoiceCommandStatus.Applied:
                HttpContext.Response.Headers.ETag = InvoiceResults.ETag(result.Invoice!.Version);
                await Send.ResponseAsync(InvoiceResponse.From(result.Invoice), StatusCodes.Status201Created, cancellationToken);
                return;
            case InvoiceCommandStatus.NotFound:
                await Send.ResultAsync(Problems.NotFound(
                    "Invoice not found.",
                    $"Customer '{request.CustomerId}' has no invoice '{invoiceNumber}' from vendor '{request.VendorId}'."));
                return;
            case InvoiceCommandStatus.Invalid:
                // AddError(string, string) would file the message under generalErrors, so the failure is added with its field.
                ValidationFailures.Add(new ValidationFailure(result.Field, result.Error));
                await Send.ErrorsAsync(cancellation: cancellationToken);
                return;
            default:
                await Send.ResultAsync(result.ToHttp(HttpContext, request.VendorId, invoiceNumber));
                return;
        }
    }
}
