using TermSync.Conversations;

namespace TermSync.Api.Features.Conversations.Resolve;

/// <summary>The vendor's resolution of a conversation.</summary>
/// <param name="Reference">The credit note number for creditIssued, the amended invoice's number for invoiceCorrected.</param>
/// <param name="Text">An optional closing message to the customer, added to the thread.</param>
public sealed record Request(string VendorId, string ConversationId, ResolutionOutcome? Outcome, string? Reference, string? AuthorName, string? Text);
