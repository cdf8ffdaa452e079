namespace TermSync.Conversations;

/// <summary>An invoice a conversation is about.</summary>
/// <param name="DisputedAmount">For a dispute, the part of the open amount held back while it is open; null holds all of it.</param>
[GenerateSerializer, Immutable, Alias("termsync.ConversationInvoice")]
public sealed record ConversationInvoice(
    [property: Id(0)] string InvoiceNumber,
    [property: Id(1)] decimal? DisputedAmount = null);
