namespace TermSync.Api.Features.Conversations.List;

/// <summary>Which of the vendor's conversations to list.</summary>
/// <param name="Status">"open" (the default) for conversations not yet resolved, "all" for every one.</param>
/// <param name="Limit">How many to return, 1 to 1000; 100 by default.</param>
public sealed record Request(string VendorId, string? Status, int? Limit);
