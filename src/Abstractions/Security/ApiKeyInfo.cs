namespace TermSync.Security;

/// <summary>An API key as it is listed: never its secret or the secret's hash.</summary>
/// <param name="VendorId">The vendor of a vendor key, or null for an analyst key.</param>
/// <param name="CreatedAt">Time the key was issued, UTC.</param>
/// <param name="LastUsedAt">Time of the latest request authenticated with the key, UTC, or null when the key was never used.</param>
/// <param name="RevokedAt">Time the key was revoked, UTC, or null while the key is valid.</param>
/// <param name="Kind">The principal the key authenticates.</param>
/// <param name="Label">The administrator's label of an analyst key, or null for a vendor key.</param>
[GenerateSerializer, Immutable, Alias("termsync.ApiKeyInfo")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string? VendorId,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset? LastUsedAt,
    [property: Id(4)] DateTimeOffset? RevokedAt,
    [property: Id(5)] ApiKeyKind Kind = ApiKeyKind.Vendor,
    [property: Id(6)] string? Label = null);
