namespace TermSync.Importer.Ledger;

/// <summary>
/// Computes from ledger rows what a customer statement must show after the ledger has been replayed up to
/// an as-of date, independently of the replay and of the API.
/// </summary>
public static class LedgerExpectations
{
    /// <summary>
    /// Computes the open invoices of every customer that has at least one invoice issued on or before
    /// <paramref name="asOf"/>, keyed by customer id. A customer whose invoices are all settled by then has
    /// zero counts and amounts. An invoice is open when it was issued on or before <paramref name="asOf"/>
    /// and settled after it, past due when it is open and its due date is before <paramref name="asOf"/>,
    /// and disputed when it is open and its dispute was opened on or before <paramref name="asOf"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, CustomerExpectation> Compute(IEnumerable<LedgerRow> rows, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(rows);

        return rows
            .Where(row => row.InvoiceDate <= asOf)
            .GroupBy(row => row.CustomerId, StringComparer.Ordinal)
            .Select(invoices => Summarize(invoices.Key, invoices.Where(row => row.SettledDate > asOf).ToList(), asOf))
            .ToDictionary(expectation => expectation.CustomerId, StringComparer.Ordinal);
    }

    private static CustomerExpectation Summarize(string customerId, List<LedgerRow> open, DateOnly asOf)
    {
        var disputed = open.Where(row => row.Disputed && LedgerReplayPlan.DisputeOpenedOn(row) <= asOf).ToList();

        // A dispute holds the whole invoice out of the amount owed, so a disputed invoice is not past due on the statement.
        var pastDue = open.Where(row => row.DueDate < asOf).Except(disputed).ToList();

        return new CustomerExpectation(
            customerId,
            OpenCount: open.Count,
            OpenAmount: open.Sum(row => row.InvoiceAmount),
            PastDueCount: pastDue.Count,
            PastDueAmount: pastDue.Sum(row => row.InvoiceAmount),
            DisputedCount: disputed.Count,
            DisputedAmount: disputed.Sum(row => row.InvoiceAmount));
    }
}
