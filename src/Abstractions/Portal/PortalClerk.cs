namespace TermSync.Portal;

/// <summary>Someone who may open a customer's portal.</summary>
/// <param name="Email">The address, trimmed and lower-case.</param>
/// <param name="InvitedBy">The member who invited the clerk; null for the digest mailbox, which no one invites.</param>
/// <param name="InvitedAt">When the clerk was first invited; null for the digest mailbox.</param>
[GenerateSerializer, Immutable, Alias("termsync.PortalClerk")]
public sealed record PortalClerk(
    [property: Id(0)] string Email,
    [property: Id(1)] string? InvitedBy,
    [property: Id(2)] DateTimeOffset? InvitedAt)
{
    /// <summary>Whether this is the mailbox the customer's digests go to.</summary>
    public bool IsDigestMailbox => InvitedBy is null;
}
