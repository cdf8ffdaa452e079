using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Digests;

namespace TermSync.Api.Features.Digests.GetAccountHistory;

/// <summary>The digests that showed the vendor's invoices to the customer, oldest first.</summary>
public sealed record Response(string VendorId, string AccountNumber, IReadOnlyList<VendorDigestView> Digests);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<AccountRequest, Response>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/customers/{accountNumber}/digests");
        Summary(summary =>
        {
            summary.Summary = "List the digests that showed a customer the vendor's invoices";
            summary.Description = "When, why, which of the vendor's invoices with which amounts, and the delivery status, including a rejected address. " +
                "Other vendors' invoices in the same digests are left out.";
        });
    }

    public override async Task HandleAsync(AccountRequest request, CancellationToken cancellationToken)
    {
        if (await request.FindCustomerIdAsync(cluster) is not { } customerId)
        {
            await Send.ResultAsync(request.NotFound());
            return;
        }

        var history = await cluster.GetGrainCached<IDigestGrain>(customerId).GetHistoryAsync();
        var views = history.Select(record => VendorDigestView.For(request.VendorId, record)).OfType<VendorDigestView>().ToList();
        await Send.OkAsync(new Response(request.VendorId, InvoiceRoute.Decode(request.AccountNumber), views), cancellationToken);
    }
}
