namespace TermSync.Importer.Ledger;

/// <summary>
/// Open invoices of one ledger customer at an as-of date, computed straight from the ledger rows.
/// Amounts are in USD, the currency that the replay gives every ledger invoice.
/// </summary>
/// <param name="CustomerId">Customer account id.</param>
/// <param name="OpenCount">Invoices issued on or before the as-of date and settled after it.</param>
/// <param name="OpenAmount">Sum of the amounts of the open invoices.</param>
/// <param name="PastDueCount">Open invoices, not disputed by the as-of date, whose due date is before it.</param>
/// <param name="PastDueAmount">Sum of the amounts of the past-due invoices.</param>
/// <param name="DisputedCount">Open invoices whose dispute was opened on or before the as-of date.</param>
/// <param name="DisputedAmount">Sum of the amounts of the disputed open invoices.</param>
public sealed record CustomerExpectation(
    string CustomerId,
    int OpenCount,
    decimal OpenAmount,
    int PastDueCount,
    decimal PastDueAmount,
    int DisputedCount,
    decimal DisputedAmount);
