namespace TermSync.Conversations;

/// <summary>A new question or dispute with its first message.</summary>
/// <param name="Invoices">One or more invoices of the vendor, all billed to the same customer.</param>
/// <param name="Reason">Required for a dispute; ignored for a question.</param>
/// <param name="MessageId">The sender's id of the first message. Opening again with the same kind, invoices, message id and
/// text changes nothing; anything else under a used conversation id is rejected.</param>
/// <param name="RaisedAt">For a question recorded by staff, when the customer raised it; otherwise null, meaning now.</param>
/// <param name="CustomerId">The network customer who asks, when known (a signed link names it); the invoices must be billed to it.</param>
[GenerateSerializer, Immutable, Alias("termsync.ConversationDraft")]
public sealed record ConversationDraft(
    [property: Id(0)] ConversationKind Kind,
    [property: Id(1)] IReadOnlyList<ConversationInvoice> Invoices,
    [property: Id(2)] DisputeReason? Reason,
    [property: Id(3)] string MessageId,
    [property: Id(4)] string AuthorName,
    [property: Id(5)] string Text,
    [property: Id(6)] bool RecordedByStaff = false,
    [property: Id(7)] DateTimeOffset? RaisedAt = null,
    [property: Id(8)] string? CustomerId = null);

/// <summary>A message added to an open conversation by either side.</summary>
[GenerateSerializer, Immutable, Alias("termsync.ReplyDraft")]
public sealed record ReplyDraft(
    [property: Id(0)] string MessageId,
    [property: Id(1)] Party Author,
    [property: Id(2)] string AuthorName,
    [property: Id(3)] string Text);

/// <summary>The end of a conversation.</summary>
/// <param name="Reference">The credit note number for <see cref="ResolutionOutcome.CreditIssued"/>, the amended invoice's number
/// for <see cref="ResolutionOutcome.InvoiceCorrected"/>; null otherwise.</param>
/// <param name="By">The customer may only withdraw; the vendor resolves with any other outcome.</param>
/// <param name="Text">An optional closing message, added to the thread.</param>
[GenerateSerializer, Immutable, Alias("termsync.ResolutionDraft")]
public sealed record ResolutionDraft(
    [property: Id(0)] ResolutionOutcome Outcome,
    [property: Id(1)] Party By,
    [property: Id(2)] string AuthorName,
    [property: Id(3)] string? Reference = null,
    [property: Id(4)] string? MessageId = null,
    [property: Id(5)] string? Text = null);
