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

    private HashSet<string>? index;

    public bool Contains(string eventId)
    {
        index ??= new HashSet<string>(Handled, StringComparer.Ordinal);
        return index.Contains(eventId);
    }

    public void Add(string eventId)
    {
        index ??= new HashSet<string>(Handled, StringComparer.Ordinal);
        if (!index.Add(eventId))
        {
            return;
        }

        Handled.Add(eventId);
        if (Handled.Count > Capacity)
        {
            index.Remove(Handled[0]);
            Handled.RemoveAt(0);
        }
    }
}
