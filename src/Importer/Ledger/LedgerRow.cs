namespace TermSync.Importer.Ledger;

/// <summary>
/// How an invoice of the ledger was delivered to the customer.
/// </summary>
public enum BillDelivery
{
    Paper,
    Electronic,
}

/// <summary>
/// One settled invoice of a late-payment ledger file. Amounts carry no currency in the file.
/// </summary>
/// <param name="LineNumber">1-based line of the row in the file, the header being line 1.</param>
/// <param name="CountryCode">Country ledger of the selling entity, such as "391".</param>
/// <param name="CustomerId">Customer account id, such as "0379-NEVHP".</param>
/// <param name="PaperlessDate">Date on which the customer switched to electronic billing.</param>
/// <param name="InvoiceNumber">Invoice number as written in the file, leading zeros included.</param>
/// <param name="InvoiceDate">Issue date.</param>
/// <param name="DueDate">Due date.</param>
/// <param name="InvoiceAmount">Invoice total with at most two decimals.</param>
/// <param name="Disputed">Whether the customer disputed the invoice.</param>
/// <param name="SettledDate">Date of the payment that settled the invoice in full.</param>
/// <param name="PaperlessBill">Delivery of this invoice.</param>
/// <param name="DaysToSettle">Days from <paramref name="InvoiceDate"/> to <paramref name="SettledDate"/>, as stated in the file.</param>
/// <param name="DaysLate">Days from <paramref name="DueDate"/> to <paramref name="SettledDate"/>, at least 0, as stated in the file.</param>
public sealed record LedgerRow(
    int LineNumber,
    string CountryCode,
    string CustomerId,
    DateOnly PaperlessDate,
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    decimal InvoiceAmount,
    bool Disputed,
    DateOnly SettledDate,
    BillDelivery PaperlessBill,
    int DaysToSettle,
    int DaysLate);
