namespace TermSync.Conversations;

/// <summary>How a conversation command ended.</summary>
[GenerateSerializer, Alias("termsync.ConversationCommandStatus")]
public enum ConversationCommandStatus
{
    /// <summary>The command changed the conversation, or opened it.</summary>
    Applied = 0,

    /// <summary>The command repeated one already applied, so nothing changed.</summary>
    Unchanged = 1,

    /// <summary>The conversation was never opened.</summary>
    NotFound = 2,

    /// <summary>The command is not valid for the conversation or its invoices, as the error explains; the field names the input at fault.</summary>
    Rejected = 3,

    /// <summary>
    /// The command contradicts the conversation's state: its id is taken by other content, it is resolved, or a message id
    /// is taken by another message.
    /// </summary>
    Conflict = 4,
}

/// <summary>The outcome of a conversation command, with the conversation as it is after the command.</summary>
/// <param name="Field">For <see cref="ConversationCommandStatus.Rejected"/>, the request field at fault, such as "invoices[1].invoiceNumber".</param>
[GenerateSerializer, Immutable, Alias("termsync.ConversationCommandResult")]
public sealed record ConversationCommandResult(
    [property: Id(0)] ConversationCommandStatus Status,
    [property: Id(1)] ConversationView? Conversation,
    [property: Id(2)] string? Error = null,
    [property: Id(3)] string? Field = null)
{
    /// <summary>The field a conflict names: the conversation id, because the conversation's state is at fault.</summary>
    public const string StateField = "conversationId";

    public bool Succeeded => Status is ConversationCommandStatus.Applied or ConversationCommandStatus.Unchanged;

    public static ConversationCommandResult Applied(ConversationView conversation) => new(ConversationCommandStatus.Applied, conversation);

    public static ConversationCommandResult Unchanged(ConversationView conversation) => new(ConversationCommandStatus.Unchanged, conversation);

    public static ConversationCommandResult NotFound() => new(ConversationCommandStatus.NotFound, null, "The conversation was never opened.");

    public static ConversationCommandResult Conflict(ConversationView conversation, string error) =>
        new(ConversationCommandStatus.Conflict, conversation, error, StateField);

    public static ConversationCommandResult Rejected(ConversationView? conversation, string field, string error) =>
        new(ConversationCommandStatus.Rejected, conversation, error, field);
}
