using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Payments;

namespace TermSync.Api.Features.Payments.Reverse;

public sealed record Request(string VendorId, string PaymentReference, DateOnly? ReversedOn);

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => request.ReversedOn).MustBeDate("reversal date");
    }
}

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, PaymentView>
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/payments/{paymentReference}/reversal");
        Summary(summary =>
        {
            summary.Summary = "Reverse a payment (a bounced payment)";
            summary.Description = "Every invoice the payment paid reopens by the amount it took, and its unapplied credit is removed. Reversing again changes nothing.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var reference = InvoiceRoute.Decode(request.PaymentReference);
        var result = await cluster.GetGrainCached<IPaymentGrain>(VendorScopedKey.Format(request.VendorId, reference)).ReverseAsync(request.ReversedOn!.Value);
        if (result.Status is PaymentCommandStatus.Applied or PaymentCommandStatus.Unchanged)
        {
            await Send.OkAsync(result.Payment!, cancellationToken);
            return;
        }

        await Send.ResultAsync(PaymentResults.Problem(result));
    }
}
