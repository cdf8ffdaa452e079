namespace TermSync.Api.Features.Conversations.Reply;

/// <summary>The vendor's reply in a conversation.</summary>
/// <param name="MessageId">The vendor's id for the message; sending it makes a retried request safe. Generated when left out.</param>
public sealed record Request(string VendorId, string ConversationId, string? MessageId, string? AuthorName, string? Text);
