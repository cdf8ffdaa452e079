namespace TermSync.Ingest.Csv;

/// <summary>The rows of a CSV file that were read, and every error in the others.</summary>
/// <param name="Rows">The valid rows in file order; empty when the header is invalid.</param>
/// <param name="Errors">The errors by row; a row with any error is not in <paramref name="Rows"/>.</param>
public sealed record CsvReadResult<TRow>(IReadOnlyList<TRow> Rows, IReadOnlyList<CsvRowError> Errors);
