namespace TermSync.Security;

/// <summary>The result of checking a presented API key.</summary>
/// <param name="VendorId">The vendor a vendor key belongs to, set for <see cref="ApiKeyStatus.Valid"/> and <see cref="ApiKeyStatus.Revoked"/> vendor keys only.</param>
/// <param name="Kind">The principal the key authenticates, meaningful for <see cref="ApiKeyStatus.Valid"/> and <see cref="ApiKeyStatus.Revoked"/> only.</param>
[GenerateSerializer, Immutable, Alias("termsync.ApiKeyCheck")]
public sealed record ApiKeyCheck(
    [property: Id(0)] ApiKeyStatus Status,
    [property: Id(1)] string? VendorId,
    [property: Id(2)] ApiKeyKind Kind = ApiKeyKind.Vendor)
{
    public static ApiKeyCheck Unknown { get; } = new(ApiKeyStatus.Unknown, null);
}

/// <summary>Whether a presented API key may authenticate a request.</summary>
[GenerateSerializer, Alias("termsync.ApiKeyStatus")]
public enum ApiKeyStatus
{
    /// <summary>The secret matches and the key is not revoked.</summary>
    Valid = 0,

    /// <summary>No key has this id, or the secret does not match it.</summary>
    Unknown = 1,

    /// <summary>The secret matches but the key was revoked.</summary>
    Revoked = 2,
}
