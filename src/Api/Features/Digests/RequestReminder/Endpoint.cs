using FastEndpoints;
using TermSync.Digests;

namespace TermSync.Api.Features.Digests.RequestReminder;

/// <summary>The outcome of a reminder request, with this vendor's view of the digest when one exists.</summary>
/// <param name="Status">sent, alreadySent, nothingActionable, budgetExhausted, unsubscribed or deliveryFailed.</param>
public sealed record Response(DigestRunStatus Status, VendorDigestView? Digest);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<AccountRequest, Response>
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/customers/{accountNumber}/reminders");
        Summary(summary =>
        {
            summary.Summary = "Ask for the customer's digest to go out now";
            summary.Description = "Sends the customer's bundled digest of the current period, covering every vendor, in place of a reminder of the vendor's own. " +
                "It is the period's digest: when the period already has one, or the customer's contact budget for the day or week is used up, nothing is sent " +
                "and the status says so. Repeating the request is safe.";
        });
    }

    public override async Task HandleAsync(AccountRequest request, CancellationToken cancellationToken)
    {
        if (await request.FindCustomerIdAsync(cluster) is not { } customerId)
        {
            await Send.ResultAsync(request.NotFound());
            return;
        }

        var result = await cluster.GetGrainCached<IDigestGrain>(customerId).RunAsync(null, DigestReason.VendorRequest, request.VendorId);
        var view = result.Digest is null ? null : VendorDigestView.For(request.VendorId, result.Digest);
        await Send.OkAsync(new Response(result.Status, view), cancellationToken);
    }
}
