using Orleans.Concurrency;

namespace TermSync.Portal;

/// <summary>
/// Who may open one network customer's portal, keyed by customer id: the mailbox its digests go to and the clerks
/// invited by email. It also sends the emails that carry portal links, so a link only ever reaches one of them.
/// </summary>
[Alias("termsync.ICustomerPortalGrain")]
public interface ICustomerPortalGrain : IGrainWithStringKey
{
    /// <summary>
    /// Checks an address a clerk typed to confirm a link. Addresses compare trimmed and case-insensitive. After
    /// <see cref="PortalRules.MaxFailedConfirmations"/> wrong addresses within <see cref="PortalRules.FailureWindow"/>,
    /// every address is refused until the window has passed.
    /// </summary>
    [Alias("Confirm")]
    Task<PortalConfirmation> ConfirmAsync(string email);

    /// <summary>Returns whether <paramref name="email"/> is the digest mailbox or an invited clerk's address.</summary>
    [Alias("IsMember"), AlwaysInterleave]
    Task<bool> IsMemberAsync(string email);

    /// <summary>
    /// Returns the session stamp of a confirmed member, creating it at the first sign-in, or null when the address is not a
    /// member. Every session of the member carries the stamp, so a new stamp ends all of them at once.
    /// </summary>
    [Alias("StartSession")]
    Task<string?> StartSessionAsync(string email);

    /// <summary>
    /// Returns whether a session of <paramref name="email"/> with <paramref name="stamp"/> is still valid: the address is a
    /// member and neither signed out nor was removed since the session started.
    /// </summary>
    [Alias("IsSessionValid"), AlwaysInterleave]
    Task<bool> IsSessionValidAsync(string email, string stamp);

    /// <summary>Ends every session of <paramref name="email"/>, on every device; ending them again changes nothing visible.</summary>
    [Alias("EndSessions")]
    Task EndSessionsAsync(string email);

    /// <summary>
    /// Invites a clerk and emails a portal link to the address. Inviting a member again sends a new link and keeps
    /// the first invitation's date.
    /// </summary>
    /// <exception cref="ArgumentException">The address is not a valid email address.</exception>
    [Alias("Invite")]
    Task<PortalInvitation> InviteAsync(string email, string invitedBy);

    /// <summary>
    /// Removes an invited clerk and returns whether one was removed. An address that was not invited, or that is the
    /// digest mailbox, changes nothing.
    /// </summary>
    [Alias("Remove")]
    Task<bool> RemoveAsync(string email);

    /// <summary>
    /// Returns the digest mailbox, when a vendor gave one, followed by the other invited clerks in invitation order.
    /// </summary>
    [Alias("ListMembers")]
    Task<IReadOnlyList<PortalClerk>> ListMembersAsync();

    /// <summary>
    /// Emails a fresh portal link to the customer's digest mailbox, at most once per <see cref="PortalRules.FreshLinkInterval"/>.
    /// The result only tells whether a message went out now, and nothing about the mailbox.
    /// </summary>
    [Alias("SendFreshLink")]
    Task<bool> SendFreshLinkAsync();
}
