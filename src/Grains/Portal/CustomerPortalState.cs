using TermSync.Portal;

namespace TermSync.Grains.Portal;

[GenerateSerializer, Alias("termsync.CustomerPortalState")]
public sealed class CustomerPortalState
{
    /// <summary>Invited clerks in invitation order; the digest mailbox is not stored here, because vendors may change it.</summary>
    [Id(0)]
    public List<PortalClerk> Clerks { get; set; } = [];

    [Id(1)]
    public DateTimeOffset? FreshLinkSentAt { get; set; }

    /// <summary>The current session stamp of each member who signed in, by address. A new stamp ends the older sessions.</summary>
    [Id(2)]
    public Dictionary<string, string> SessionStamps { get; set; } = [];

    /// <summary>When the latest invitation email went to each address.</summary>
    [Id(3)]
    public Dictionary<string, DateTimeOffset> InvitationsSentAt { get; set; } = [];

    /// <summary>When each invitation email of the last 24 hours went out, oldest first.</summary>
    [Id(4)]
    public List<DateTimeOffset> RecentInvitations { get; set; } = [];
}
