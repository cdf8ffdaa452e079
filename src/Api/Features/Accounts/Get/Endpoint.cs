using FastEndpoints;
using TermSync.Accounts;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Accounts.Get;

public sealed record Request(string VendorId, string AccountNumber);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, AccountView>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/customers/{accountNumber}");
        Summary(summary =>
        {
            summary.Summary = "Read a customer account";
            summary.Description = "The account's contact, the network customer it is linked to (whose statement bundles all vendors), and its unapplied credit per currency.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var accountNumber = InvoiceRoute.Decode(request.AccountNumber);
        var account = Identifiers.IsVendorId(request.VendorId) && Identifiers.IsInvoiceNumber(accountNumber)
            ? await cluster.GetGrainCached<ICustomerAccountGrain>(VendorScopedKey.Format(request.VendorId, accountNumber)).GetAsync()
            : null;

        if (account is null)
        {
            await Send.ResultAsync(Problems.NotFound("Customer account not found.", $"Vendor '{request.VendorId}' has no customer account '{accountNumber}'."));
            return;
        }

        await Send.OkAsync(account, cancellationToken);
    }
}
