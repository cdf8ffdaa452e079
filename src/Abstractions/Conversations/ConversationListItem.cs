namespace TermSync.Conversations;

/// <summary>One conversation in a vendor's list: enough to pick the ones waiting for a reply.</summary>
/// <param name="FirstResponseAt">The vendor's first reply or resolution, or null while the customer waits.</param>
/// <param name="ResolvedAt">When it was resolved, or null while open.</param>
[GenerateSerializer, Immutable, Alias("termsync.ConversationListItem")]
public sealed record ConversationListItem(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] ConversationKind Kind,
    [property: Id(3)] IReadOnlyList<string> InvoiceNumbers,
    [property: Id(4)] DateTimeOffset OpenedAt,
    [property: Id(5)] DateTimeOffset? FirstResponseAt,
    [property: Id(6)] DateTimeOffset? ResolvedAt,
    [property: Id(7)] bool RecordedByStaff);
