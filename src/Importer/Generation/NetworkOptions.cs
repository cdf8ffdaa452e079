namespace TermSync.Importer.Generation;

/// <summary>
/// Size and mix of a generated network. The same options and seed always produce the same network.
/// </summary>
public sealed record NetworkOptions
{
    /// <summary>Seed of the pseudo-random generator. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Number of vendors, at least 2. Default 8.</summary>
    public int Vendors { get; init; } = 8;

    /// <summary>Number of customers, at least 1. Default 60.</summary>
    public int Customers { get; init; } = 60;

    /// <summary>Minimum number of vendors that each customer buys from, at least 2. Default 2.</summary>
    public int MinVendorsPerCustomer { get; init; } = 2;

    /// <summary>
    /// Maximum number of vendors that each customer buys from, capped at <see cref="Vendors"/>. Default 5.
    /// </summary>
    public int MaxVendorsPerCustomer { get; init; } = 5;

    /// <summary>Invoices issued by each vendor to each of its customers, at least 1. Default 4.</summary>
    public int InvoicesPerPair { get; init; } = 4;

    /// <summary>Share of vendors that invoice in EUR or JPY (half each on average) instead of USD, 0 to 1. Default 0.25.</summary>
    public double ForeignCurrencyShare { get; init; } = 0.25;

    /// <summary>
    /// Share of invoices that get paid at all, 0 to 1. A payment dated after the last generated day is left out,
    /// so invoices issued near the end may stay open even when paid. Default 0.85.
    /// </summary>
    public double PaymentShare { get; init; } = 0.85;

    /// <summary>Share of paid invoices that are paid in two installments instead of one, 0 to 1. Default 0.1.</summary>
    public double InstallmentShare { get; init; } = 0.1;

    /// <summary>Share of invoices that the customer disputes, 0 to 1. Default 0.08.</summary>
    public double DisputeShare { get; init; } = 0.08;

    /// <summary>First business day of the network: the earliest issue date. Default 2024-01-01.</summary>
    public DateOnly StartDate { get; init; } = new(2024, 1, 1);

    /// <summary>Number of days in which invoices are issued and events happen, at least 1. Default 365.</summary>
    public int Days { get; init; } = 365;

    /// <summary>Last business day of the network: no event is dated later.</summary>
    public DateOnly LastDate => StartDate.AddDays(Days - 1);

    /// <summary>Validates the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range. The message names the option, its value and the allowed range.</exception>
    public void Validate()
    {
        RequireAtLeast(nameof(Vendors), Vendors, 2);
        RequireAtLeast(nameof(Customers), Customers, 1);
        RequireAtLeast(nameof(MinVendorsPerCustomer), MinVendorsPerCustomer, 2);
        RequireAtLeast(nameof(MaxVendorsPerCustomer), MaxVendorsPerCustomer, MinVendorsPerCustomer);
        RequireAtLeast(nameof(InvoicesPerPair), InvoicesPerPair, 1);
        RequireAtLeast(nameof(Days), Days, 1);
        RequireShare(nameof(ForeignCurrencyShare), ForeignCurrencyShare);
        RequireShare(nameof(PaymentShare), PaymentShare);
        RequireShare(nameof(InstallmentShare), InstallmentShare);
        RequireShare(nameof(DisputeShare), DisputeShare);

        if (MinVendorsPerCustomer > Vendors)
        {
            throw new ArgumentException(
                $"{nameof(MinVendorsPerCustomer)} is {MinVendorsPerCustomer} but there are only {Vendors} vendors. Raise {nameof(Vendors)} or lower {nameof(MinVendorsPerCustomer)}.");
        }
    }

    private static void RequireAtLeast(string name, int value, int minimum)
    {
        if (value < minimum)
        {
            throw new ArgumentException($"{name} is {value} but must be at least {minimum}.", name);
        }
    }

    private static void RequireShare(string name, double value)
    {
        if (!(value is >= 0 and <= 1))
        {
            throw new ArgumentException($"{name} is {value} but must be a share from 0 to 1.", name);
        }
    }
}
