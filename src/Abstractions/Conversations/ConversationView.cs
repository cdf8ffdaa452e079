namespace TermSync.Conversations;

/// <summary>Whether a conversation waits for anyone.</summary>
[GenerateSerializer, Alias("termsync.ConversationStatus")]
public enum ConversationStatus
{
    Open = 0,
    Resolved = 1,
}

/// <summary>A question or dispute as it is now, with its thread and its response clock.</summary>
/// <param name="ConversationId">Unique within the vendor.</param>
/// <param name="CustomerId">The network customer the invoices are billed to.</param>
/// <param name="OpenedAt">The customer's first message: the start of both clocks.</param>
/// <param name="FirstResponseAt">The vendor's first reply or resolution, or null while unanswered.</param>
/// <param name="FirstResponseBusinessTime">Business time from <paramref name="OpenedAt"/> to <paramref name="FirstResponseAt"/>
/// in the vendor's time zone, business hours and holidays.</param>
/// <param name="SlaDueAt">When the first reply is due under the vendor's service level, or null when the vendor set none.</param>
/// <param name="SlaBreachedAt">When the breach was escalated to the vendor; set once.</param>
/// <param name="Version">Starts at 1 and grows by one with every stored change.</param>
[GenerateSerializer, Immutable, Alias("termsync.ConversationView")]
public sealed record ConversationView(
    [property: Id(0)] string VendorId,
    [property: Id(1)] string ConversationId,
    [property: Id(2)] string CustomerId,
    [property: Id(3)] string AccountNumber,
    [property: Id(4)] ConversationKind Kind,
    [property: Id(5)] DisputeReason? Reason,
    [property: Id(6)] IReadOnlyList<ConversationInvoice> Invoices,
    [property: Id(7)] ConversationStatus Status,
    [property: Id(8)] bool RecordedByStaff,
    [property: Id(9)] DateTimeOffset OpenedAt,
    [property: Id(10)] IReadOnlyList<ConversationMessage> Messages,
    [property: Id(11)] int Version,
    [property: Id(12)] DateTimeOffset? FirstResponseAt = null,
    [property: Id(13)] TimeSpan? FirstResponseBusinessTime = null,
    [property: Id(14)] DateTimeOffset? ResolvedAt = null,
    [property: Id(15)] TimeSpan? ResolutionBusinessTime = null,
    [property: Id(16)] ResolutionOutcome? Outcome = null,
    [property: Id(17)] string? OutcomeReference = null,
    [property: Id(18)] DateTimeOffset? SlaDueAt = null,
    [property: Id(19)] DateTimeOffset? SlaBreachedAt = null)
{
    /// <summary>Calendar time from opening to the first reply, or null while unanswered.</summary>
    public TimeSpan? FirstResponseTime => FirstResponseAt - OpenedAt;

    /// <summary>Calendar time from opening to resolution, or null while open.</summary>
    public TimeSpan? ResolutionTime => ResolvedAt - OpenedAt;
}
