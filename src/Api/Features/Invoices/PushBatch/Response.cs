namespace TermSync.Api.Features.Invoices.PushBatch;

/// <summary>What the batch did to each invoice, in request order, with counts per outcome.</summary>
public sealed record Response(IReadOnlyList<InvoiceResult> Results, int Created, int Updated, int Unchanged, int Rejected);

/// <summary>The outcome of one invoice.</summary>
/// <param name="Index">Position of the invoice in the request, from 0.</param>
/// <param name="Outcome">"created", "updated", "unchanged", or "rejected" with <paramref name="Errors"/> saying why.</param>
/// <param name="Version">The invoice version after the push; absent when a new invoice was rejected.</param>
/// <param name="CustomerId">The network customer the invoice is billed to.</param>
public sealed record InvoiceResult(int Index, string? InvoiceNumber, string Outcome, int? Version, string? CustomerId, IReadOnlyList<ItemError>? Errors);

/// <summary>Why an item was rejected: the field (as a JSON path within the request), its value and the fix.</summary>
public sealed record ItemError(string Field, string? Value, string Reason);
