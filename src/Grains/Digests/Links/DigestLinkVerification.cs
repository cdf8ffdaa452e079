namespace TermSync.Grains.Digests.Links;

/// <summary>How the check of a digest link token ended.</summary>
public enum DigestLinkStatus
{
    /// <summary>Signed with this deployment's key, for the expected purpose, and not expired.</summary>
    Valid = 0,

    /// <summary>Signed with this deployment's key and for the expected purpose, but past its expiry.</summary>
    Expired = 1,

    /// <summary>Missing, malformed, altered, signed with another key, or made for another purpose.</summary>
    Invalid = 2,
}

/// <summary>The outcome of <see cref="DigestLinkSigner.Verify"/>, with the claims of a valid token.</summary>
/// <param name="Claims">The token's claims when <paramref name="Status"/> is <see cref="DigestLinkStatus.Valid"/>, else null.</param>
/// <param name="ExpiredCustomerId">The customer an expired token names, which its signature vouches for; null otherwise.
/// Only a request for a fresh link, sent to that customer's own mailbox, may use it.</param>
public sealed record DigestLinkVerification(DigestLinkStatus Status, DigestLinkClaims? Claims, string? ExpiredCustomerId = null)
{
    public static DigestLinkVerification Invalid { get; } = new(DigestLinkStatus.Invalid, null);

    public static DigestLinkVerification ExpiredFor(string customerId) => new(DigestLinkStatus.Expired, null, customerId);
}
