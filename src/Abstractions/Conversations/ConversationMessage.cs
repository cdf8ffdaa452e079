namespace TermSync.Conversations;

/// <summary>One message of a conversation's thread.</summary>
/// <param name="MessageId">The sender's id of the message; sending the same id again adds nothing.</param>
/// <param name="AuthorName">The person who wrote it, as the sender named them.</param>
/// <param name="SentAt">When the message was written; for a question recorded by staff, when the customer raised it.</param>
/// <param name="RecordedByStaff">True for a customer message that vendor staff recorded, for example from a phone call.</param>
[GenerateSerializer, Immutable, Alias("termsync.ConversationMessage")]
public sealed record ConversationMessage(
    [property: Id(0)] string MessageId,
    [property: Id(1)] Party Author,
    [property: Id(2)] string AuthorName,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset SentAt,
    [property: Id(5)] bool RecordedByStaff = false);
