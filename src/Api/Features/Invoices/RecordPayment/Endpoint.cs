using FastEndpoints;
using TermSync.Api.Features.Payments;
using TermSync.Api.Infrastructure;
using TermSync.Invoices;
using TermSync.Money;
using TermSync.Payments;

namespace TermSync.Api.Features.Invoices.RecordPayment;

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, InvoiceResponse>
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/invoices/{invoiceNumber}/payments");
        Summary(summary =>
        {
            summary.Summary = "Record a payment on one invoice";
            summary.Description = "A remittance with one allocation, in the invoice's currency and account. What exceeds the open amount becomes unapplied " +
                "credit on the customer's account. The same payment reference is applied once; a reference reused with other values is 409.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var invoiceNumber = InvoiceRoute.Decode(request.InvoiceNumber);
        var invoice = cluster.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(request.VendorId, invoiceNumber));
        if (await invoice.GetAsync() is not { } current)
        {
            await Send.ResultAsync(Problems.InvoiceNotFound(request.VendorId, invoiceNumber));
            return;
        }

        if (!Currencies.FitsMinorUnits(current.Currency, request.Amount!.Value))
        {
            AddError(r => r.Amount, $"The amount {request.Amount} has more decimals than {current.Currency}, the invoice's currency, allows; send it as booked, TermSync does not round.");
            await Send.ErrorsAsync(cancellation: cancellationToken);
            return;
        }

        var remittance = new Remittance(current.AccountNumber, current.Currency, request.Amount!.Value, request.PaidOn!.Value, [new PaymentAllocation(invoiceNumber, request.Amount.Value)]);
        var result = await cluster.GetGrainCached<IPaymentGrain>(VendorScopedKey.Format(request.VendorId, request.PaymentReference!)).RecordAsync(remittance);
        if (result.Status is not (PaymentCommandStatus.Applied or PaymentCommandStatus.Unchanged))
        {
            await Send.ResultAsync(PaymentResults.Problem(result));
            return;
        }

        var after = (await invoice.GetAsync())!;
        HttpContext.Response.Headers.ETag = InvoiceResults.ETag(after.Version);
        await Send.OkAsync(InvoiceResponse.From(after), cancellationToken);
    }
}
