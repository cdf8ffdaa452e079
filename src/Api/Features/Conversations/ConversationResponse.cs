using TermSync.Conversations;

namespace TermSync.Api.Features.Conversations;

/// <summary>A conversation as the API returns it; durations are hours with two decimals.</summary>
/// <param name="FirstResponseHours">Calendar hours from the customer's first message to the vendor's first reply; null while unanswered.</param>
/// <param name="FirstResponseBusinessHours">The same span counted only within the vendor's business hours, in its time zone.</param>
/// <param name="ResolutionHours">Calendar hours from the first message to the resolution; null while open.</param>
public sealed record ConversationResponse(
    string VendorId,
    string ConversationId,
    string CustomerId,
    string AccountNumber,
    ConversationKind Kind,
    DisputeReason? Reason,
    IReadOnlyList<ConversationInvoice> Invoices,
    ConversationStatus Status,
    bool RecordedByStaff,
    DateTimeOffset OpenedAt,
    DateTimeOffset? FirstResponseAt,
    decimal? FirstResponseHours,
    decimal? FirstResponseBusinessHours,
    DateTimeOffset? SlaDueAt,
    DateTimeOffset? SlaBreachedAt,
    DateTimeOffset? ResolvedAt,
    decimal? ResolutionHours,
    decimal? ResolutionBusinessHours,
    ResolutionOutcome? Outcome,
    string? OutcomeReference,
    IReadOnlyList<ConversationMessage> Messages,
    int Version)
{
    public static ConversationResponse From(ConversationView conversation) => new(
        conversation.VendorId,
        conversation.ConversationId,
        conversation.CustomerId,
        conversation.AccountNumber,
        conversation.Kind,
        conversation.Reason,
        conversation.Invoices,
        conversation.Status,
        conversation.RecordedByStaff,
        conversation.OpenedAt,
        conversation.FirstResponseAt,
        Hours(conversation.FirstResponseTime),
        Hours(conversation.FirstResponseBusinessTime),
        conversation.SlaDueAt,
        conversation.SlaBreachedAt,
        conversation.ResolvedAt,
        Hours(conversation.ResolutionTime),
        Hours(conversation.ResolutionBusinessTime),
        conversation.Outcome,
        conversation.OutcomeReference,
        conversation.Messages,
        conversation.Version);

    /// <summary>Returns the duration in hours, rounded half away from zero to two decimals.</summary>
    public static decimal? Hours(TimeSpan? duration) =>
        duration is { } value ? Math.Round((decimal)value.Ticks / TimeSpan.TicksPerHour, 2, MidpointRounding.AwayFromZero) : null;
}
