namespace TermSync.Api.Features.Invoices.PushBatch;

/// <summary>What the batch did to each invoice, in request order, with counts per outcome.</summary>
public sealed record Response(IReadOnlyList<InvoiceResult> Results, int Created, int Updated, int Unchanged, int Rejected);

/// <summary>The outcome of one invoice.</summary>
/// <param name="Outcome">"created", "updated", "unchanged", or "rejected" with <paramref name="Error"/> saying why.</param>
/// <param name="Version">The invoice version after the push; absent when a new invoice was rejected.</param>
public sealed record InvoiceResult(string InvoiceNumber, string Outcome, int? Version, string? Error);
