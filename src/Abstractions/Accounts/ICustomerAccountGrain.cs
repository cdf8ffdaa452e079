namespace TermSync.Accounts;

/// <summary>
/// A vendor's account of one customer, keyed "vendorId/accountNumber". It links the account to a network customer
/// and moves the account's invoices when a new contact links it to another one.
/// </summary>
[Alias("termsync.ICustomerAccountGrain")]
public interface ICustomerAccountGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the account or updates its contact, records <paramref name="invoiceNumbers"/> as the account's, and
    /// returns the network customer id. When the new email or tax id belongs to another network customer, every
    /// invoice of the account moves there. A call whose move fails part way throws, and the account's next upsert
    /// finishes the move.
    /// </summary>
    [Alias("Upsert")]
    Task<string> UpsertAsync(CustomerContact contact, IReadOnlyList<string> invoiceNumbers);

    /// <summary>Adds unapplied credit from a payment; the same payment reference is added once.</summary>
    [Alias("AddUnappliedCredit")]
    Task AddUnappliedCreditAsync(string paymentReference, string currency, decimal amount);

    /// <summary>Removes the unapplied credit of a reversed payment; removing it again changes nothing.</summary>
    [Alias("RemoveUnappliedCredit")]
    Task RemoveUnappliedCreditAsync(string paymentReference);

    /// <summary>Returns the account, or null when the vendor never used it.</summary>
    [Alias("Get")]
    Task<AccountView?> GetAsync();
}
