namespace TermSync.Grains.Customers;

/// <summary>Running totals of one vendor's open invoices to one customer in one currency.</summary>
[GenerateSerializer, Alias("termsync.VendorCurrencyTotal")]
public sealed record VendorCurrencyTotal(
    [property: Id(0)] int OpenCount,
    [property: Id(1)] decimal OpenAmount,
    [property: Id(2)] decimal DisputedAmount)
{
    public static VendorCurrencyTotal Zero { get; } = new(0, 0m, 0m);

    public bool IsZero => OpenCount == 0 && OpenAmount == 0m && DisputedAmount == 0m;

    public VendorCurrencyTotal Add(int count, decimal open, decimal disputed) =>
        new(OpenCount + count, OpenAmount + open, DisputedAmount + disputed);
}
