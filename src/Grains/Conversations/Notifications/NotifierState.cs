namespace TermSync.Grains.Conversations.Notifications;

/// <summary>Ids of the events a vendor's notifier handled, newest last, bounded to <see cref="Capacity"/>.</summary>
[GenerateSerializer, Alias("termsync.NotifierState")]
public sealed class NotifierState
{
    /// <summary>
    /// How many handled ids are kept. A conversation publishes an event again only while it lacks an acknowledgement,
    /// which comes within minutes, so a repeat older than this many newer events does not occur in practice.
    /// </summary>
    public const int Capacity = 10_000;

    [Id(0)]
    public List<string> Handled { get; set; } = [];
}
