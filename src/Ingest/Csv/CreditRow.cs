namespace TermSync.Ingest.Csv;

/// <summary>One credit note read from a credit CSV, reducing one invoice.</summary>
/// <param name="RowNumber">1-based data row number, as in <see cref="CsvRowError.RowNumber"/>.</param>
/// <param name="InvoiceNumber">The invoice the credit note reduces.</param>
/// <param name="Amount">Amount credited in <paramref name="Currency"/>, positive, exactly as written.</param>
public sealed record CreditRow(
    int RowNumber,
    string CreditNoteNumber,
    string InvoiceNumber,
    string Currency,
    decimal Amount,
    DateOnly IssueDate);
