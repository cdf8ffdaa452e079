namespace TermSync.Grains.Conversations.Notifications;

/// <summary>Ids of the events a vendor's notifier handled, newest last, bounded to <see cref="Capacity"/>.</summary>
[GenerateSerializer, Alias("termsync.NotifierState")]
public sealed class NotifierState
{
    /// <summary>
    /// How many handled ids are kept. A conversation publishes an event again only until both consumers acknowledge it,
    /// normally within a minute. A repeat that arrives after this many newer events would be notified twice.
    /// </summary>
    public const int Capacity = 10_000;

    [Id(0)]
    public List<string> Handled { get; set; } = [];
}
