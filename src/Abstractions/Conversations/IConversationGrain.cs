namespace TermSync.Conversations;

/// <summary>
/// One question or dispute between a vendor and a customer, keyed by <see cref="VendorScopedKey"/> of the vendor id and the
/// conversation id. Its stored state is the record: the thread, the response clock, and the events not yet acknowledged
/// by every stream consumer. Every command is idempotent by its message id or its effect.
/// </summary>
[Alias("termsync.IConversationGrain")]
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>Opens the conversation; a dispute holds its invoices (or the disputed parts) out of the amount owed.</summary>
    [Alias("Open")]
    Task<ConversationCommandResult> OpenAsync(ConversationDraft draft);

    /// <summary>Adds a message. The vendor's first message stops the first-response clock.</summary>
    [Alias("Reply")]
    Task<ConversationCommandResult> ReplyAsync(ReplyDraft reply);

    /// <summary>Resolves the conversation and releases any held amount; its invoices return to collection.</summary>
    [Alias("Resolve")]
    Task<ConversationCommandResult> ResolveAsync(ResolutionDraft resolution);

    /// <summary>Returns the conversation, or null when it was never opened.</summary>
    [Alias("Get")]
    Task<ConversationView?> GetAsync();

    /// <summary>Records that <paramref name="consumer"/> has handled the event; unknown ids are ignored.</summary>
    [Alias("Acknowledge")]
    Task AcknowledgeAsync(string eventId, string consumer);

    /// <summary>
    /// Escalates a service-level breach that is due and publishes again events a consumer has not acknowledged.
    /// The conversation's reminder calls it; calling it again changes nothing.
    /// </summary>
    [Alias("Wake")]
    Task WakeAsync();
}
