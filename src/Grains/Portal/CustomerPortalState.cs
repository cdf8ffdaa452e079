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
}
