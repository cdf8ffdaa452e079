namespace TermSync.Ingest.Csv;

/// <summary>A reason one CSV row, or the header, was rejected.</summary>
/// <param name="RowNumber">
/// 1-based number of the data row, not counting the header or blank lines, or 0 for the header and the file as
/// a whole. A row whose quoted fields contain line breaks counts as one row, so in a file without blank lines a
/// spreadsheet shows it on row <c>RowNumber + 1</c>.
/// </param>
/// <param name="Column">The column name as documented (such as "amount"), or null when the whole row is rejected.</param>
/// <param name="Value">The field as written, trimmed; null when the field is empty or the whole row is rejected.</param>
/// <param name="Reason">What is wrong and what the vendor should change.</param>
public sealed record CsvRowError(int RowNumber, string? Column, string? Value, string Reason);
