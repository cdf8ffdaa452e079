namespace TermSync.Grains.Metrics;

/// <summary>
/// The sums over one currency's invoices from which every receivables figure is computed. Two sources give the same
/// sums: <see cref="ReceivablesLedger"/> walks invoice histories, and <see cref="CurrencyRunningTotals"/> keeps them by
/// date as invoices change.
/// </summary>
internal interface IReceivablesSource
{
    /// <summary>Returns the open amounts at the end of <paramref name="asOf"/> and the open invoices, by aging bucket.</summary>
    AgingTotals AgingAt(DateOnly asOf);

    /// <summary>Returns AR at the end of <paramref name="date"/>.</summary>
    decimal ArAt(DateOnly date);

    /// <summary>Returns the credit sales dated from <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    decimal SalesBetween(DateOnly first, DateOnly last);

    /// <summary>Counts the invoices with an issue, credit note or void dated from <paramref name="first"/> to <paramref name="last"/>.</summary>
    int SalesInvoiceCount(DateOnly first, DateOnly last);

    /// <summary>
    /// Counts the invoices open at the end of the day before <paramref name="periodStart"/>, open at the end of
    /// <paramref name="asOf"/>, or with an issue, credit note or void dated from <paramref name="periodStart"/> to <paramref name="asOf"/>.
    /// </summary>
    int CeiInvoiceCount(DateOnly periodStart, DateOnly asOf);

    /// <summary>Sums the invoices settled on a date from <paramref name="first"/> to <paramref name="asOf"/> and still settled at <paramref name="asOf"/>.</summary>
    SettlementTotals SettledBetween(DateOnly first, DateOnly asOf);

    /// <summary>
    /// Counts the invoices issued from <paramref name="first"/> to <paramref name="last"/> and not void by <paramref name="asOf"/>,
    /// and those of them first questioned or disputed on or before <paramref name="asOf"/>.
    /// </summary>
    (int Issued, int Queried) IssuedBetween(DateOnly first, DateOnly last, DateOnly asOf);

    /// <summary>Counts and sums the remainders above zero written off on a date from <paramref name="first"/> to <paramref name="last"/>.</summary>
    (int Count, decimal Amount) WrittenOffBetween(DateOnly first, DateOnly last);
}

/// <summary>Open amounts and open invoice counts in the five aging buckets: current, 1-30, 31-60, 61-90 and 91+ days past due.</summary>
internal sealed class AgingTotals
{
    public decimal[] Amounts { get; } = new decimal[5];

    public int[] Counts { get; } = new int[5];

    public decimal TotalAr => Amounts.Sum();

    public decimal CurrentAr => Amounts[0];

    public int OpenInvoiceCount => Counts.Sum();

    /// <summary>Number of aging buckets.</summary>
    public const int BucketCount = 5;

    /// <summary>Returns the bucket index: 0 current, 1 for 1-30, 2 for 31-60, 3 for 61-90 and 4 for 91 days or more.</summary>
    public static int BucketOf(int daysPastDue) => daysPastDue switch
    {
        <= 0 => 0,
        <= 30 => 1,
        <= 60 => 2,
        <= 90 => 3,
        _ => 4,
    };

    /// <summary>Returns the minimum days past due that <see cref="BucketOf"/> puts in <paramref name="bucket"/>, or <see cref="int.MinValue"/> for bucket 0.</summary>
    public static int FirstDaysPastDue(int bucket) => bucket == 0 ? int.MinValue : LastDaysPastDue(bucket - 1) + 1;

    /// <summary>Returns the maximum days past due that <see cref="BucketOf"/> puts in <paramref name="bucket"/>, or <see cref="int.MaxValue"/> for bucket 4.</summary>
    public static int LastDaysPastDue(int bucket) => bucket switch
    {
        0 => 0,
        1 => 30,
        2 => 60,
        3 => 90,
        4 => int.MaxValue,
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, $"Aging buckets are numbered 0 to {BucketCount - 1}."),
    };

    /// <summary>Adds the buckets of <paramref name="other"/> to these and returns them.</summary>
    public AgingTotals Add(AgingTotals other)
    {
        for (var bucket = 0; bucket < Amounts.Length; bucket++)
        {
            Amounts[bucket] += other.Amounts[bucket];
            Counts[bucket] += other.Counts[bucket];
        }

        return this;
    }

    public void Add(int daysPastDue, decimal amount, int count) => AddToBucket(BucketOf(daysPastDue), amount, count);

    public void AddToBucket(int bucket, decimal amount, int count)
    {
        Amounts[bucket] += amount;
        Counts[bucket] += count;
    }
}

/// <summary>Sums over settled invoices from which the payment-behaviour averages are taken.</summary>
/// <param name="WeightedDaysLate">Sum of issued amount × days late.</param>
/// <param name="Weight">Sum of issued amounts.</param>
[GenerateSerializer, Immutable, Alias("termsync.SettlementTotals")]
internal readonly record struct SettlementTotals(
    [property: Id(0)] int Count,
    [property: Id(1)] decimal DaysLate,
    [property: Id(2)] decimal WeightedDaysLate,
    [property: Id(3)] decimal Weight,
    [property: Id(4)] decimal DaysToPay)
{
    public SettlementTotals Add(SettlementTotals other, int sign) => new(
        Count + (sign * other.Count),
        DaysLate + (sign * other.DaysLate),
        WeightedDaysLate + (sign * other.WeightedDaysLate),
        Weight + (sign * other.Weight),
        DaysToPay + (sign * other.DaysToPay));
}
