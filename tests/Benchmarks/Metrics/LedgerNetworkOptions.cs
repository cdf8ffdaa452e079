namespace TermSync.Benchmarks.Metrics;

/// <summary>
/// Size and dates of a generated receivables network. Every size covers the same <see cref="SpanDays"/> days ending with
/// <see cref="LastDate"/>, so networks of different sizes differ only in how many invoices fall on each day.
/// </summary>
public sealed record LedgerNetworkOptions
{
    /// <summary>Days over which issue dates are spread: two years.</summary>
    public const int SpanDays = 730;

    /// <summary>Invoices to generate.</summary>
    public required int Invoices { get; init; }

    /// <summary>Last date of any entry; no entry is dated or recorded later.</summary>
    public required DateOnly LastDate { get; init; }

    /// <summary>Seed of the pseudo-random generator; the same options give the same rows.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Vendors, whose shares of the invoices fall off with their rank (vendor-001 has the most).</summary>
    public int Vendors { get; init; } = 200;

    /// <summary>Invoices per customer on average, which sets the customer count.</summary>
    public int InvoicesPerCustomer { get; init; } = 20;

    /// <summary>Customers: <see cref="Invoices"/> / <see cref="InvoicesPerCustomer"/>, at least 10.</summary>
    public int Customers => Math.Max(10, Invoices / InvoicesPerCustomer);

    /// <summary>The earliest issue date.</summary>
    public DateOnly FirstDate => LastDate.AddDays(1 - SpanDays);

    /// <summary>
    /// The as-of date of the historical read: the last day of the calendar quarter before the one that contains
    /// <see cref="LastDate"/>, so it lies inside the data and is never today.
    /// </summary>
    public DateOnly PastQuarterEnd
    {
        get
        {
            var quarterStartMonth = ((LastDate.Month - 1) / 3 * 3) + 1;
            return new DateOnly(LastDate.Year, quarterStartMonth, 1).AddDays(-1);
        }
    }
}
