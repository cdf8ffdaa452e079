namespace TermSync.Conversations;

/// <summary>Names of the Orleans stream that carries <see cref="ConversationEvent"/>s; one stream per vendor, keyed by vendor id.</summary>
public static class ConversationStreams
{
    public const string Provider = "termsync-streams";

    public const string Namespace = "conversation-events";

    /// <summary>Consumer names a conversation waits to hear back from before it stops publishing an event again.</summary>
    public static class Consumers
    {
        public const string Notifications = "notifications";

        public const string Figures = "figures";
    }
}
