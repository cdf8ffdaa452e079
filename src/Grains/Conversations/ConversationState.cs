using TermSync.Conversations;

namespace TermSync.Grains.Conversations;

/// <summary>An event the conversation published, kept until every stream consumer has acknowledged it.</summary>
/// <param name="Acknowledged">Names of the consumers that handled it, from <see cref="ConversationStreams.Consumers"/>.</param>
[GenerateSerializer, Alias("termsync.PendingConversationEvent")]
public sealed record PendingConversationEvent(
    [property: Id(0)] ConversationEvent Event,
    [property: Id(1)] DateTimeOffset PublishedAt,
    [property: Id(2)] IReadOnlyList<string> Acknowledged);

[GenerateSerializer, Alias("termsync.ConversationState")]
public sealed class ConversationState
{
    /// <summary>The conversation as it is now, or null before it is opened.</summary>
    [Id(0)]
    public ConversationView? Conversation { get; set; }

    /// <summary>Events not yet acknowledged by every consumer, oldest first.</summary>
    [Id(1)]
    public List<PendingConversationEvent> Pending { get; set; } = [];

    /// <summary>Whether every disputed invoice holds its amount for this conversation; false until the invoice grains confirm it.</summary>
    [Id(4)]
    public bool HoldsApplied { get; set; }

    /// <summary>The instant the reminder is aimed at, or null when none is registered.</summary>
    [Id(5)]
    public DateTimeOffset? ReminderTarget { get; set; }
}
