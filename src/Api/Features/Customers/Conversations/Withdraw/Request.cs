namespace TermSync.Api.Features.Customers.Conversations.Withdraw;

/// <summary>The customer's withdrawal of a question or dispute.</summary>
/// <param name="Text">An optional closing message to the vendor, added to the thread.</param>
public sealed record Request(string CustomerId, string VendorId, string ConversationId, string? AuthorName, string? Text);
