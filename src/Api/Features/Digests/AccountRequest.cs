using TermSync.Accounts;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Digests;

/// <summary>A vendor's customer account from the route.</summary>
public sealed record AccountRequest(string VendorId, string AccountNumber)
{
    /// <summary>Returns the network customer id the account is linked to, or null when the vendor has no such account.</summary>
    public async Task<string?> FindCustomerIdAsync(IClusterClient cluster)
    {
        var accountNumber = InvoiceRoute.Decode(AccountNumber);
        if (!Identifiers.IsVendorId(VendorId) || !Identifiers.IsInvoiceNumber(accountNumber))
        {
            return null;
        }

        var account = await cluster.GetGrainCached<ICustomerAccountGrain>(VendorScopedKey.Format(VendorId, accountNumber)).GetAsync();
        return account?.CustomerId;
    }

    public IResult NotFound() => Problems.NotFound(
        "Customer account not found.",
        $"Vendor '{VendorId}' has no customer account '{InvoiceRoute.Decode(AccountNumber)}'; push an invoice for the account first.");
}
