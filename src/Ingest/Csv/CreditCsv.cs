namespace TermSync.Ingest.Csv;

/// <summary>The credit CSV: its columns and how one row becomes a <see cref="CreditRow"/>.</summary>
internal static class CreditCsv
{
    public static readonly CsvLayout Layout = new(
        Required: ["creditNoteNumber", "invoiceNumber", "currency", "amount", "issueDate"],
        Optional: [],
        AtLeastOneOf: []);

    public static CreditRow? Parse(CsvRowFields fields)
    {
        var creditNoteNumber = fields.Number("creditNoteNumber");
        var invoiceNumber = fields.Number("invoiceNumber");
        var currency = fields.Currency("currency");
        var amount = fields.Amount("amount", currency);
        var issueDate = fields.Date("issueDate");

        if (fields.HasErrors)
        {
            return null;
        }

        return new CreditRow(fields.RowNumber, creditNoteNumber!, invoiceNumber!, currency!, amount!.Value, issueDate!.Value);
    }

    /// <summary>Rejects every row that repeats the credit note number of an earlier row.</summary>
    public static CsvReadResult<CreditRow> RejectRepeatedNumbers(CsvReadResult<CreditRow> result)
    {
        var errors = result.Errors.ToList();
        var firstRows = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<CreditRow>();
        foreach (var row in result.Rows)
        {
            if (firstRows.TryAdd(row.CreditNoteNumber, row.RowNumber))
            {
                rows.Add(row);
                continue;
            }

            errors.Add(new CsvRowError(row.RowNumber, "creditNoteNumber", row.CreditNoteNumber,
                $"The creditNoteNumber '{row.CreditNoteNumber}' is also on row {firstRows[row.CreditNoteNumber]}; send each credit note once per file."));
        }

        return new CsvReadResult<CreditRow>(rows, errors.OrderBy(error => error.RowNumber).ToList());
    }
}
