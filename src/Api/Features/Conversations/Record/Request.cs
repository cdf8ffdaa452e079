using TermSync.Conversations;

namespace TermSync.Api.Features.Conversations.Record;

/// <summary>A question or dispute a customer raised with the vendor's staff, for example by phone, recorded by the vendor.</summary>
/// <param name="ConversationId">The vendor's id for the conversation; sending it makes a retried request safe. Generated when left out.</param>
/// <param name="AuthorName">The customer's contact who raised it.</param>
/// <param name="RaisedAt">When the customer raised it, which starts the response clock; now when left out.</param>
public sealed record Request(
    string VendorId,
    string? ConversationId,
    ConversationKind? Kind,
    List<InvoiceInput>? Invoices,
    DisputeReason? Reason,
    string? AuthorName,
    string? Text,
    DateTimeOffset? RaisedAt) : IOpeningInput;
