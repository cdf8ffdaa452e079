using TermSync.Grains.Metrics;
using TermSync.Metrics;
using static TermSync.Grains.Tests.Metrics.MetricHistories;

namespace TermSync.Grains.Tests.Metrics;

public sealed class DsoTests
{
    // As of 2024-03-15 (2024 is a leap year), the 90-day window runs from 2023-12-17 to 2024-03-15.
    // Z: 4000 issued 2023-12-01, due 2023-12-31, paid 2024-01-10; its sale is before the window.
    // J: 3000 issued 2024-01-20, due 2024-02-19; credit note 200 on 2024-02-20, 2200 paid 2024-02-28; open 600.
    // F: 2000 issued 2024-02-10, due 2024-03-11; 500 paid 2024-03-10; open 1500, 4 days past due.
    // M: 1000 issued 2024-03-05, due 2024-04-04; open 1000, current.
    // AR(D) = 600 + 1500 + 1000 = 3100; Current AR(D) = 1000.
    // Credit sales in the window = 3000 + 2000 + 1000 − 200 = 5800.
    internal static readonly InvoiceHistory[] Ledger =
    [
        Invoice("Z", "2023-12-01", "2023-12-31", 4000m, Payment("2024-01-10", 4000m)),
        Invoice("J", "2024-01-20", "2024-02-19", 3000m, Credit("2024-02-20", 200m), Payment("2024-02-28", 2200m)),
        Invoice("F", "2024-02-10", "2024-03-11", 2000m, Payment("2024-03-10", 500m)),
        Invoice("M", "2024-03-05", "2024-04-04", 1000m),
    ];

    [Fact]
    public void Standard_best_possible_and_delinquent()
    {
        var dso = ReceivablesCalculator.Compute("USD", Ledger, Date("2024-03-15")).Dso;

        Assert.Equal(Date("2023-12-17"), dso.Scope.WindowStart);
        Assert.Equal(3100m, dso.TotalAr);
        Assert.Equal(1000m, dso.CurrentAr);
        Assert.Equal(3, dso.OpenInvoiceCount);
        Assert.Equal(5800m, dso.CreditSales);
        Assert.Equal(3, dso.SalesInvoiceCount);
        // 3100 × 90 / 5800 = 48.1034…
        Assert.Equal(48.10m, dso.Dso);
        // 1000 × 90 / 5800 = 15.5172…
        Assert.Equal(15.52m, dso.BestPossibleDso);
        // 2100 × 90 / 5800 = 32.5862…, rounded from the exact difference (48.10 − 15.52 would give 32.58).
        Assert.Equal(32.59m, dso.AverageDaysDelinquent);
    }

    [Fact]
    public void Countback_across_three_months()
    {
        // R = 3100. March 1-15 (L = 15, S = 1000): R > S, so 15 days and R = 2100.
        // February (L = 29, S = 2000 − 200 = 1800): R > S, so 44 days and R = 300.
        // January (L = 31, S = 3000): R ≤ S, so 44 + 300 / 3000 × 31 = 47.1 days.
        var dso = ReceivablesCalculator.Compute("USD", Ledger, Date("2024-03-15")).Dso;

        Assert.Equal(47.10m, dso.CountbackDso);
        Assert.Equal(3, dso.CountbackPeriods);
        Assert.Equal(3, dso.CountbackSalesInvoiceCount);
    }

    [Fact]
    public void Zero_sales_give_null_dso()
    {
        // 1000 issued 2024-01-10 and unpaid; the window 2024-04-02 to 2024-06-30 has no sales.
        var history = Invoice("Q", "2024-01-10", "2024-02-09", 1000m);

        var dso = ReceivablesCalculator.Compute("USD", [history], Date("2024-06-30")).Dso;

        Assert.Equal(0m, dso.CreditSales);
        Assert.Null(dso.Dso);
        Assert.Null(dso.BestPossibleDso);
        Assert.Null(dso.AverageDaysDelinquent);
        // June 30 + May 31 + April 30 + March 31 + February 29 with S = 0 each add their length: 151 days.
        // January (S = 1000 = R) adds 1000 / 1000 × 31: 182 days over 6 periods.
        Assert.Equal(182.00m, dso.CountbackDso);
        Assert.Equal(6, dso.CountbackPeriods);
    }

    [Fact]
    public void Countback_stops_after_24_months()
    {
        // Issued long before the 24 months walked back from 2024-06-30, which are July 2022 to June 2024:
        // 365 + 366 = 731 days, every month with S = 0.
        var history = Invoice("Old", "2020-01-15", "2020-02-14", 10m);

        var dso = ReceivablesCalculator.Compute("USD", [history], Date("2024-06-30")).Dso;

        Assert.Equal(731.00m, dso.CountbackDso);
        Assert.Equal(24, dso.CountbackPeriods);
        Assert.Equal(0, dso.CountbackSalesInvoiceCount);
    }

    [Fact]
    public void Zero_ar_gives_zero_countback()
    {
        // Paid in full: AR(D) = 0, so DSO = 0 over sales of 500 and countback is 0 without walking.
        var history = Invoice("P", "2024-06-01", "2024-07-01", 500m, Payment("2024-06-20", 500m));

        var dso = ReceivablesCalculator.Compute("USD", [history], Date("2024-06-30")).Dso;

        Assert.Equal(0.00m, dso.Dso);
        Assert.Equal(0m, dso.CountbackDso);
        Assert.Equal(0, dso.CountbackPeriods);
    }

    [Fact]
    public void Void_reverses_sale_on_its_date()
    {
        var history = Invoice("V", "2024-04-03", "2024-05-03", 1000m, Void("2024-04-04"));

        var issuedDay = ReceivablesCalculator.Compute("USD", [history], Date("2024-04-03")).Dso;
        var voidDay = ReceivablesCalculator.Compute("USD", [history], Date("2024-04-04")).Dso;

        // On its issue date the invoice is 1000 of AR and of sales: DSO = 1000 / 1000 × 90 = 90.
        Assert.Equal(1000m, issuedDay.TotalAr);
        Assert.Equal(90.00m, issuedDay.Dso);
        // From the void date it is neither: no AR, and the sale and its reversal cancel, so DSO is undefined.
        Assert.Equal(0m, voidDay.TotalAr);
        Assert.Equal(0m, voidDay.CreditSales);
        Assert.Null(voidDay.Dso);
    }
}
