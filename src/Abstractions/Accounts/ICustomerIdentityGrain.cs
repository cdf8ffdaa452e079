namespace TermSync.Accounts;

/// <summary>
/// One identity (an email or a tax id, keyed by <see cref="NetworkIdentity"/>) and the network customer it
/// belongs to. The first resolution fixes the customer; later ones return it.
/// </summary>
[Alias("termsync.ICustomerIdentityGrain")]
public interface ICustomerIdentityGrain : IGrainWithStringKey
{
    /// <summary>Returns the customer of this identity, linking it to <paramref name="proposedCustomerId"/> when it has none.</summary>
    [Alias("Resolve")]
    Task<string> ResolveAsync(string proposedCustomerId);

    /// <summary>Returns the customer of this identity, or null when it was never resolved.</summary>
    [Alias("Find")]
    Task<string?> FindAsync();
}
