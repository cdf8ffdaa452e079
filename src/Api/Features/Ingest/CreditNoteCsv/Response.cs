using TermSync.Api.Infrastructure;
using TermSync.Ingest.Csv;

namespace TermSync.Api.Features.Ingest.CreditNoteCsv;

/// <summary>What the upload did to each data row, in file order, with counts per outcome.</summary>
public sealed record Response(IReadOnlyList<RowResult> Results, int Created, int Unchanged, int Rejected);

/// <summary>The outcome of one credit note.</summary>
/// <param name="RowNumber">1-based data row number, not counting the header; a row with quoted line breaks counts once.</param>
/// <param name="CreditNoteNumber">The row's credit note number; null when the row was rejected before it was read.</param>
/// <param name="InvoiceNumber">The invoice the credit note reduces; null when the row was rejected before it was read.</param>
/// <param name="Outcome">"created", "unchanged" (issued before with the same values), or "rejected" with <paramref name="Errors"/> saying why.</param>
/// <param name="Invoice">The credited invoice after the credit; null unless the credit note was applied.</param>
/// <param name="Errors">Row number, column, value and reason of each error; null unless rejected.</param>
public sealed record RowResult(int RowNumber, string? CreditNoteNumber, string? InvoiceNumber, string Outcome, InvoiceResponse? Invoice, IReadOnlyList<CsvRowError>? Errors);
