using Microsoft.AspNetCore.Mvc;
using TermSync.Api.Portal.Sessions;
using TermSync.Grains.Digests;
using TermSync.Portal;

namespace TermSync.Api.Portal.Pages;

/// <summary>
/// Who may open the customer's portal: the digest mailbox and the invited clerks. Any member may invite a clerk or
/// remove an invited clerk other than themselves. Removing oneself would end one's own session, with no way back but a
/// colleague's invitation. For a customer without a digest mailbox, it could also leave no member who can invite
/// anyone. The digest mailbox cannot be removed, because the vendors set it.
/// </summary>
public sealed partial class ClerksModel(IClusterClient cluster, PortalSessionCookie cookie, TimeProvider time, ILogger<ClerksModel> logger)
    : PortalPageModel(cluster, cookie)
{
    private string? timeZone;

    public IReadOnlyList<PortalClerk> Members { get; private set; } = [];

    public DigestFormatter Format { get; private set; } = null!;

    /// <summary>The signed-in clerk's address, trimmed and lower-case.</summary>
    public string SignedInEmail => Session.Email;

    /// <summary>The address typed into the invitation form, shown again with its error.</summary>
    public string? Email { get; private set; }

    /// <summary>Why the invitation was not sent, or null.</summary>
    public string? EmailError { get; private set; }

    /// <summary>The outcome of the last invitation or removal, shown once after the redirect.</summary>
    [TempData]
    public string? Message { get; set; }

    private ICustomerPortalGrain Portal => Cluster.GetGrainCached<ICustomerPortalGrain>(Session.CustomerId);

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostInviteAsync(string? email)
    {
        if (!PortalRules.IsEmail(email))
        {
            LogInvitationRejected(logger, Session.CustomerId, "invalid email address");
            return await InvalidAsync(
                email,
                string.IsNullOrWhiteSpace(email)
                    ? "Email address is missing; type the address of the clerk to invite, such as ap@example.com."
                    : $"Email address: '{email.Trim()}' is not an email address; type one address such as ap@example.com, without a name.");
        }

        var normalized = PortalRules.Normalize(email!);
        var existing = (await Portal.ListMembersAsync()).FirstOrDefault(member => member.Email == normalized);
        PortalInvitation invitation;
        try
        {
            invitation = await Portal.InviteAsync(normalized, Session.Email);
        }
        catch (ArgumentException)
        {
            // The address passed the grain's own check above, so the grain rejected it for the clerk limit.
            LogInvitationRejected(logger, Session.CustomerId, $"the limit of {PortalRules.MaxClerks} clerks is reached");
            return await InvalidAsync(
                email,
                $"Email address: this portal already has {PortalRules.MaxClerks} invited clerks, the most it keeps; remove one before inviting {normalized}.");
        }

        Message = existing switch
        {
            _ when !invitation.Sent =>
                $"No email went to {normalized} now: an address gets at most one invitation every {PortalRules.InvitationInterval.TotalMinutes:0} minutes, " +
                $"and a portal sends at most {PortalRules.MaxInvitationsPerDay} a day. Try again later.",
            null => $"Invitation sent to {normalized}. The email has a link to this portal; they confirm their address to sign in.",
            { IsDigestMailbox: true } => $"{normalized} is the digest mailbox and can already sign in; a new link was sent to it.",
            _ => $"{normalized} was already invited; a new link was sent to them.",
        };
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? email)
    {
        var normalized = PortalRules.Normalize(email ?? "");
        if (normalized == Session.Email)
        {
            Message = "You cannot remove yourself. Another member of the portal can remove you.";
            return RedirectToPage();
        }

        var member = (await Portal.ListMembersAsync()).FirstOrDefault(candidate => candidate.Email == normalized);
        if (member is { IsDigestMailbox: true })
        {
            Message = $"{normalized} is the digest mailbox, which the vendors set; it cannot be removed.";
            return RedirectToPage();
        }

        Message = await Portal.RemoveAsync(normalized)
            ? $"{normalized} is removed and can no longer open this portal."
            : $"{normalized} is not an invited clerk, so nothing was removed.";
        return RedirectToPage();
    }

    /// <summary>Returns the date the clerk was first invited, in the customer's time zone.</summary>
    public string InvitedOn(PortalClerk clerk)
    {
        var zone = timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return clerk.InvitedAt is { } invitedAt ? Format.FormatDate(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(invitedAt, zone).DateTime)) : "";
    }

    private async Task<IActionResult> InvalidAsync(string? email, string error)
    {
        await LoadAsync();
        Email = email;
        EmailError = error;
        return Page();
    }

    private async Task LoadAsync()
    {
        var statement = await LoadStatementAsync(time);
        Format = DigestFormatter.For(statement.Language);
        timeZone = statement.TimeZone;
        Members = await Portal.ListMembersAsync();
    }

    [LoggerMessage(EventId = 4430, Level = LogLevel.Warning, Message = "Portal invitation for customer {CustomerId} rejected: {Reason}")]
    private static partial void LogInvitationRejected(ILogger logger, string customerId, string reason);
}
