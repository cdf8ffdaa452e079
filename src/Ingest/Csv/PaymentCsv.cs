namespace TermSync.Ingest.Csv;

/// <summary>The payment CSV: its columns and how one row becomes a <see cref="PaymentRow"/>.</summary>
internal static class PaymentCsv
{
    public static readonly CsvLayout Layout = new(
        Required: ["paymentReference", "customerAccount", "currency", "amount", "receivedOn"],
        Optional: ["invoiceNumber"],
        AtLeastOneOf: []);

    /// <summary>
    /// Parses one row and records its paymentReference field in <paramref name="references"/>, by row number,
    /// whether or not the row is valid, so that <see cref="RejectIncompletePayments"/> finds every row of a payment.
    /// </summary>
    public static PaymentRow? Parse(CsvRowFields fields, Dictionary<int, string> references)
    {
        if (fields.Optional("paymentReference") is { } reference)
        {
            references[fields.RowNumber] = reference;
        }

        var paymentReference = fields.Reference("paymentReference");
        var customerAccount = fields.CustomerAccount("customerAccount");
        var currency = fields.Currency("currency");
        var amount = fields.Amount("amount", currency);
        var receivedOn = fields.Date("receivedOn");
        var invoiceNumber = fields.Number("invoiceNumber", required: false);

        if (fields.HasErrors)
        {
            return null;
        }

        return new PaymentRow(fields.RowNumber, paymentReference!, customerAccount!, currency!, amount!.Value, receivedOn!.Value, invoiceNumber);
    }

    /// <summary>
    /// Checks the rows that share a payment reference, which together are one remittance: every row must name a
    /// different invoice, and all must agree with the first row on customer account, currency and received date.
    /// A row that breaks this is rejected here, and <see cref="RejectIncompletePayments"/> rejects the others.
    /// </summary>
    public static CsvReadResult<PaymentRow> CheckRemittances(CsvReadResult<PaymentRow> result)
    {
        var errors = result.Errors.ToList();
        var rows = new List<PaymentRow>();
        var firstRows = new Dictionary<string, PaymentRow>(StringComparer.Ordinal);
        var allocations = new HashSet<(string Reference, string? Invoice)>();
        foreach (var row in result.Rows)
        {
            if (!firstRows.TryGetValue(row.PaymentReference, out var first))
            {
                firstRows.Add(row.PaymentReference, row);
                allocations.Add((row.PaymentReference, row.InvoiceNumber));
                rows.Add(row);
                continue;
            }

            if (Conflict(first, row, allocations) is { } error)
            {
                errors.Add(error);
                continue;
            }

            rows.Add(row);
        }

        return new CsvReadResult<PaymentRow>(rows, errors.OrderBy(error => error.RowNumber).ToList());
    }

    /// <summary>
    /// Rejects the remaining rows of every payment that has a rejected row, because recording part of a payment
    /// would store a remittance that differs from the corrected one, and the corrected file could not be recorded
    /// under the same reference. <paramref name="references"/> maps row numbers to paymentReference fields.
    /// </summary>
    /// <remarks>
    /// NOTE: a row rejected before its fields are read (a wrong number of fields or a stray quote) has no known
    /// reference, so the other rows of its payment are still recorded.
    /// </remarks>
    public static CsvReadResult<PaymentRow> RejectIncompletePayments(CsvReadResult<PaymentRow> result, Dictionary<int, string> references)
    {
        var rejectedRows = result.Errors.Select(error => error.RowNumber).Where(references.ContainsKey).ToHashSet();
        var incomplete = rejectedRows
            .GroupBy(row => references[row], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Order().ToList(), StringComparer.Ordinal);
        if (incomplete.Count == 0)
        {
            return result;
        }

        var errors = result.Errors.ToList();
        var rows = new List<PaymentRow>();
        foreach (var row in result.Rows)
        {
            if (!incomplete.TryGetValue(row.PaymentReference, out var failedRows))
            {
                rows.Add(row);
                continue;
            }

            var failed = failedRows.Count == 1 ? $"row {failedRows[0]} is" : $"rows {string.Join(", ", failedRows)} are";
            errors.Add(new CsvRowError(row.RowNumber, "paymentReference", row.PaymentReference,
                $"The payment '{row.PaymentReference}' is not recorded, because {failed} rejected and TermSync records a payment whole; correct the rejected rows and send every row of the payment again."));
        }

        return new CsvReadResult<PaymentRow>(rows, errors.OrderBy(error => error.RowNumber).ToList());
    }

    private static CsvRowError? Conflict(PaymentRow first, PaymentRow row, HashSet<(string Reference, string? Invoice)> allocations)
    {
        var remittance = $"The paymentReference '{row.PaymentReference}' is also on row {first.RowNumber}, so both rows are parts of one payment";
        if (first.InvoiceNumber is null || row.InvoiceNumber is null)
        {
            return new CsvRowError(row.RowNumber, "invoiceNumber", row.InvoiceNumber,
                $"{remittance}; fill in the invoiceNumber on every row of a payment spread over several invoices.");
        }

        if (!allocations.Add((row.PaymentReference, row.InvoiceNumber)))
        {
            return new CsvRowError(row.RowNumber, "invoiceNumber", row.InvoiceNumber,
                $"{remittance}, and it allocates to the invoice '{row.InvoiceNumber}' twice; put the amount for one invoice on one row.");
        }

        if (row.CustomerAccount != first.CustomerAccount)
        {
            return new CsvRowError(row.RowNumber, "customerAccount", row.CustomerAccount, $"{remittance}, but their customerAccount differs ('{first.CustomerAccount}'); use one customer per payment.");
        }

        if (row.Currency != first.Currency)
        {
            return new CsvRowError(row.RowNumber, "currency", row.Currency, $"{remittance}, but their currency differs ('{first.Currency}'); use one currency per payment.");
        }

        return row.ReceivedOn != first.ReceivedOn
            ? new CsvRowError(row.RowNumber, "receivedOn", row.ReceivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                $"{remittance}, but their receivedOn differs ({first.ReceivedOn:yyyy-MM-dd}); use one date per payment.")
            : null;
    }
}
