using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Payments;

namespace TermSync.Api.Features.Payments.Get;

public sealed record Request(string VendorId, string PaymentReference);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, PaymentView>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/payments/{paymentReference}");
        Summary(summary => summary.Summary = "Read a payment with what it applied to each invoice");
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var reference = InvoiceRoute.Decode(request.PaymentReference);
        var payment = Identifiers.IsVendorId(request.VendorId) && Identifiers.IsInvoiceNumber(reference)
            ? await cluster.GetGrainCached<IPaymentGrain>(VendorScopedKey.Format(request.VendorId, reference)).GetAsync()
            : null;

        if (payment is null)
        {
            await Send.ResultAsync(Problems.NotFound("Payment not found.", $"Vendor '{request.VendorId}' has no payment '{reference}'."));
            return;
        }

        await Send.OkAsync(payment, cancellationToken);
    }
}
