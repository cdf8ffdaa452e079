using TermSync.Invoices;

namespace TermSync.Api.Features.Invoices;

/// <summary>What <see cref="InvoiceBatchIssuer"/> did to one invoice.</summary>
public enum InvoiceIssueOutcome
{
    Created,
    Updated,
    Unchanged,

    /// <summary>The invoice was invalid or contradicts the stored invoice; nothing was written for it.</summary>
    Rejected,
}

/// <summary>The outcome of one invoice of a batch.</summary>
/// <param name="Invoice">The stored invoice after the command; null when a new invoice was rejected.</param>
/// <param name="CustomerId">The network customer the invoice is billed to; null when a new invoice was rejected.</param>
/// <param name="Errors">Why the invoice was rejected; empty otherwise.</param>
public sealed record InvoiceIssueResult(InvoiceIssueOutcome Outcome, InvoiceSnapshot? Invoice, string? CustomerId, IReadOnlyList<InvoiceInputError> Errors);

/// <summary>Why an invoice was rejected.</summary>
/// <param name="Field">
/// Camel-case path of the invalid property within <see cref="InvoiceInput"/>, such as "customer.email", or an
/// empty string when the invoice as a whole contradicts the stored one (an amount below what was paid).
/// </param>
/// <param name="Value">The value sent, as text; null when it was missing.</param>
/// <param name="Reason">What is wrong and how to fix it.</param>
public sealed record InvoiceInputError(string Field, string? Value, string Reason);
