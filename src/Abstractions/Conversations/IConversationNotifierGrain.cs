namespace TermSync.Conversations;

/// <summary>
/// Tells both sides of a vendor's conversations what happened, keyed by vendor id: the vendor by webhook and email, the
/// customer by email when the vendor replies or resolves. It receives every <see cref="ConversationEvent"/> of the vendor's
/// stream, handles each event id once, and then acknowledges it to the conversation.
/// </summary>
[Alias("termsync.IConversationNotifierGrain")]
public interface IConversationNotifierGrain : IGrainWithStringKey
{
    /// <summary>Notifies for the event unless its id was handled before, then acknowledges it.</summary>
    [Alias("Notify")]
    Task NotifyAsync(ConversationEvent conversationEvent);
}
