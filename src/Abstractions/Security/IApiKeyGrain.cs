namespace TermSync.Security;

/// <summary>
/// One API key of a vendor or of an analyst, keyed by its key id. The grain stores only the SHA-256 hash of the
/// key's secret, and it is the single source of the key's state, so a revocation applies to the next request on
/// every silo.
/// </summary>
[Alias("termsync.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the key for <paramref name="vendorId"/>. Repeating the call with the same vendor and hash returns
    /// the stored key, so a retried request is safe.
    /// </summary>
    /// <param name="secretHash">SHA-256 hash of the key's 32 secret bytes.</param>
    /// <returns>The key, or null when the key id already belongs to another key.</returns>
    [Alias("Create")]
    Task<ApiKeyInfo?> CreateAsync(string vendorId, byte[] secretHash);

    /// <summary>
    /// Creates the key as an analyst key labelled <paramref name="label"/>. Repeating the call with the same label
    /// and hash returns the stored key, so a retried request is safe.
    /// </summary>
    /// <param name="secretHash">SHA-256 hash of the key's 32 secret bytes.</param>
    /// <returns>The key, or null when the key id already belongs to another key.</returns>
    [Alias("CreateAnalystKey")]
    Task<ApiKeyInfo?> CreateAnalystKeyAsync(string label, byte[] secretHash);

    /// <summary>
    /// Checks a presented secret against the stored hash in constant time and records the use of a valid key.
    /// A wrong secret gets <see cref="ApiKeyStatus.Unknown"/>, exactly as a key id that was never issued.
    /// </summary>
    /// <param name="secretHash">SHA-256 hash of the presented secret bytes.</param>
    [Alias("Authenticate")]
    Task<ApiKeyCheck> AuthenticateAsync(byte[] secretHash);

    /// <summary>Returns the key without its hash, or null when it was never issued.</summary>
    [Alias("Get")]
    Task<ApiKeyInfo?> GetAsync();

    /// <summary>
    /// Revokes the key when it is a key of <paramref name="vendorId"/>. Revoking a revoked key changes nothing.
    /// </summary>
    /// <returns>The key after the revocation, or null when no key of that vendor has this id.</returns>
    [Alias("Revoke")]
    Task<ApiKeyInfo?> RevokeAsync(string vendorId);

    /// <summary>Revokes the key when it is an analyst key. Revoking a revoked key changes nothing.</summary>
    /// <returns>The key after the revocation, or null when no analyst key has this id.</returns>
    [Alias("RevokeAnalystKey")]
    Task<ApiKeyInfo?> RevokeAnalystKeyAsync();
}
