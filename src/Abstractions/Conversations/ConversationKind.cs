namespace TermSync.Conversations;

/// <summary>What the customer opened: a question leaves the amount owed as it is, a dispute holds it back.</summary>
[GenerateSerializer, Alias("termsync.ConversationKind")]
public enum ConversationKind
{
    Question = 0,
    Dispute = 1,
}
