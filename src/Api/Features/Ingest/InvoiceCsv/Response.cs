using TermSync.Ingest.Csv;

namespace TermSync.Api.Features.Ingest.InvoiceCsv;

/// <summary>What the upload did to each data row, in file order, with counts per outcome.</summary>
public sealed record Response(IReadOnlyList<RowResult> Results, int Created, int Updated, int Unchanged, int Rejected);

/// <summary>The outcome of one data row.</summary>
/// <param name="RowNumber">1-based data row number, not counting the header; a row with quoted line breaks counts once.</param>
/// <param name="InvoiceNumber">The row's invoice number; null when the row was rejected before it was read.</param>
/// <param name="Outcome">"created", "updated", "unchanged", or "rejected" with <paramref name="Errors"/> saying why.</param>
/// <param name="Version">The invoice version after the upload; null when a new invoice was rejected.</param>
/// <param name="CustomerId">The network customer the invoice is billed to; null when a new invoice was rejected.</param>
/// <param name="Errors">Row number, column, value and reason of each error; null unless rejected.</param>
public sealed record RowResult(int RowNumber, string? InvoiceNumber, string Outcome, int? Version, string? CustomerId, IReadOnlyList<CsvRowError>? Errors);
