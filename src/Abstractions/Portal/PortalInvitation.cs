namespace TermSync.Portal;

/// <summary>The outcome of inviting a clerk to the portal.</summary>
/// <param name="Clerk">The member with the address: the invited clerk, or the digest mailbox.</param>
/// <param name="Sent">Whether an invitation email went out now. It does not when the address got one less than
/// <see cref="PortalRules.InvitationInterval"/> ago or the customer sent <see cref="PortalRules.MaxInvitationsPerDay"/>
/// invitations in the last 24 hours.</param>
[GenerateSerializer, Immutable, Alias("termsync.PortalInvitation")]
public sealed record PortalInvitation(
    [property: Id(0)] PortalClerk Clerk,
    [property: Id(1)] bool Sent);
