namespace TermSync.Api.Features.Customers.Conversations.Reply;

/// <summary>The customer's reply in a conversation.</summary>
/// <param name="MessageId">The caller's id for the message; sending it makes a retried request safe. Generated when left out.</param>
public sealed record Request(string CustomerId, string VendorId, string ConversationId, string? MessageId, string? AuthorName, string? Text);
