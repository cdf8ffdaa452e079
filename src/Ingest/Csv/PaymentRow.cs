namespace TermSync.Ingest.Csv;

/// <summary>
/// One payment, or one part of a remittance, read from a payment CSV. A remittance spread over several
/// invoices is several rows with the same <paramref name="PaymentReference"/>, each naming its invoice.
/// </summary>
/// <param name="RowNumber">1-based data row number, as in <see cref="CsvRowError.RowNumber"/>.</param>
/// <param name="PaymentReference">The vendor's id of the payment; 1 to 100 characters.</param>
/// <param name="CustomerAccount">The paying customer's account, a valid TermSync customer id.</param>
/// <param name="Amount">Amount received, or allocated to <paramref name="InvoiceNumber"/>, in <paramref name="Currency"/>; positive, exactly as written.</param>
/// <param name="ReceivedOn">Calendar date the payment was received.</param>
/// <param name="InvoiceNumber">The invoice the amount is allocated to; null when the field is empty or the column absent.</param>
public sealed record PaymentRow(
    int RowNumber,
    string PaymentReference,
    string CustomerAccount,
    string Currency,
    decimal Amount,
    DateOnly ReceivedOn,
    string? InvoiceNumber);
