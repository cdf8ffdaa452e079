using TermSync.Api.Features.Conversations;
using TermSync.Conversations;

namespace TermSync.Api.Features.Customers.Conversations.Open;

/// <summary>A question or dispute the customer opens with one vendor.</summary>
/// <param name="ConversationId">The caller's id for the conversation; sending it makes a retried request safe. Generated when left out.</param>
/// <param name="Invoices">Invoices of the vendor billed to this customer; any other is rejected as not found.</param>
/// <param name="AuthorName">The customer's contact who writes.</param>
public sealed record Request(
    string CustomerId,
    string? VendorId,
    string? ConversationId,
    ConversationKind? Kind,
    List<InvoiceInput>? Invoices,
    DisputeReason? Reason,
    string? AuthorName,
    string? Text) : IOpeningInput;
