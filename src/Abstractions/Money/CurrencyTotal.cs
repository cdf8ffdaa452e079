namespace TermSync.Money;

/// <summary>
/// Open receivables in one currency: how many invoices are open, what they still owe, how much is held out
/// of the amount owed by open disputes, and how much of the amount owed is past due on the as-of date.
/// </summary>
[GenerateSerializer, Immutable, Alias("termsync.CurrencyTotal")]
public sealed record CurrencyTotal(
    [property: Id(0)] string Currency,
    [property: Id(1)] int OpenCount,
    [property: Id(2)] decimal OpenAmount,
    [property: Id(3)] decimal PastDueAmount,
    [property: Id(4)] decimal DisputedAmount)
{
    /// <summary>The open amount less the disputed amount: what the customer is asked to pay.</summary>
    public decimal OwedAmount => OpenAmount - DisputedAmount;

    /// <summary>Adds up totals per currency, for example the vendors' totals of one statement, in currency code order.</summary>
    public static IReadOnlyList<CurrencyTotal> Combine(IEnumerable<CurrencyTotal> totals) =>
    [
        .. totals
            .GroupBy(total => total.Currency, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new CurrencyTotal(
                group.Key,
                group.Sum(total => total.OpenCount),
                group.Sum(total => total.OpenAmount),
                group.Sum(total => total.PastDueAmount),
                group.Sum(total => total.DisputedAmount))),
    ];
}
