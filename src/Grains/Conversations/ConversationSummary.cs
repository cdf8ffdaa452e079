using TermSync.Conversations;

namespace TermSync.Grains.Conversations;

/// <summary>The part of a conversation that the vendor's figures need, at one version.</summary>
[GenerateSerializer, Immutable, Alias("termsync.ConversationSummary")]
public sealed record ConversationSummary(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] ConversationKind Kind,
    [property: Id(3)] IReadOnlyList<string> InvoiceNumbers,
    [property: Id(4)] DateTimeOffset OpenedAt,
    [property: Id(5)] DateTimeOffset? FirstResponseAt,
    [property: Id(6)] TimeSpan? FirstResponseBusinessTime,
    [property: Id(7)] DateTimeOffset? ResolvedAt,
    [property: Id(8)] TimeSpan? ResolutionBusinessTime,
    [property: Id(9)] bool RecordedByStaff,
    [property: Id(10)] int Version)
{
    public static ConversationSummary From(ConversationView conversation) => new(
        conversation.ConversationId,
        conversation.CustomerId,
        conversation.Kind,
        [.. conversation.Invoices.Select(invoice => invoice.InvoiceNumber)],
        conversation.OpenedAt,
        conversation.FirstResponseAt,
        conversation.FirstResponseBusinessTime,
        conversation.ResolvedAt,
        conversation.ResolutionBusinessTime,
        conversation.RecordedByStaff,
        conversation.Version);
}
