namespace TermSync.Security;

/// <summary>
/// The list of analyst key ids, in one grain keyed <see cref="Key"/>. Only issuing and listing analyst keys call it.
/// Authentication calls each key's <see cref="IApiKeyGrain"/> directly.
/// </summary>
[Alias("termsync.IAnalystKeyDirectoryGrain")]
public interface IAnalystKeyDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>The key of the only grain of this type.</summary>
    const long Key = 0;

    /// <summary>Adds a key id to the end of the list. Adding a listed id changes nothing.</summary>
    [Alias("Add")]
    Task AddAsync(string keyId);

    /// <summary>Returns the analyst key ids, revoked ones included, oldest first.</summary>
    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}
