using FastEndpoints;
using TermSync.Payments;

namespace TermSync.Api.Features.Payments.Record;

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, PaymentView>
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/payments");
        Summary(summary =>
        {
            summary.Summary = "Record a payment allocated across invoices (a remittance)";
            summary.Description = "Applies each allocation up to the invoice's open amount; the rest of the amount becomes unapplied credit on the customer's " +
                "account. Every invoice must belong to the account and be in the payment's currency. The payment reference is the natural key: the same " +
                "remittance again changes nothing, and other values under a used reference are 409.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var allocations = (request.Allocations ?? []).Select(allocation => new PaymentAllocation(allocation.InvoiceNumber!, allocation.Amount!.Value)).ToList();
        var remittance = new Remittance(request.CustomerAccount!, request.Currency!, request.Amount!.Value, request.ReceivedOn!.Value, allocations);
        var result = await cluster.GetGrainCached<IPaymentGrain>(VendorScopedKey.Format(request.VendorId, request.PaymentReference!)).RecordAsync(remittance);

        if (result.Status is PaymentCommandStatus.Applied or PaymentCommandStatus.Unchanged)
        {
            await Send.OkAsync(result.Payment!, cancellationToken);
            return;
        }

        await Send.ResultAsync(PaymentResults.Problem(result));
    }
}
