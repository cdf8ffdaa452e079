using TermSync.Grains.Metrics;
using TermSync.Metrics;
using static TermSync.Grains.Tests.Metrics.MetricHistories;

namespace TermSync.Grains.Tests.Metrics;

public sealed class AgingTests
{
    // A: 1000.00 issued 2024-01-10, due 2024-02-09, 400.00 paid 2024-02-20.
    // B: 250.50 issued 2024-03-01, due 2024-03-31, unpaid.
    // C: 99.99 issued 2024-03-20, due 2024-06-18, credit note of 9.99 on 2024-04-01.
    // D: 500.00 issued 2024-04-15, due 2024-05-15, paid in full 2024-05-12.
    // E: 70.00 issued 2023-10-01, due 2023-10-31, written off 2024-02-15.
    private static readonly InvoiceHistory[] Ledger =
    [
        Invoice("A", "2024-01-10", "2024-02-09", 1000.00m, Payment("2024-02-20", 400.00m)),
        Invoice("B", "2024-03-01", "2024-03-31", 250.50m),
        Invoice("C", "2024-03-20", "2024-06-18", 99.99m, Credit("2024-04-01", 9.99m)),
        Invoice("D", "2024-04-15", "2024-05-15", 500.00m, Payment("2024-05-12", 500.00m)),
        Invoice("E", "2023-10-01", "2023-10-31", 70.00m, WriteOff("2024-02-15")),
    ];

    [Fact]
    public void Partly_paid_invoice_in_31_to_60()
    {
        // 10000 − 1500 − 1000 − 2000 = 5500 open. Days past due: 2017-02-28 to 2017-04-04 is 28 days of March plus
        // 7 days (Mar 28 to Apr 4) = 35, so the 31-60 bucket.
        var history = new InvoiceHistory(
            "vendor-a", "INV-2016-11", "customer-a", "USD", Date("2016-11-30"), Date("2017-02-28"), 10000m,
            [Payment("2016-12-30", 1500m), Payment("2017-01-31", 1000m), Payment("2017-03-15", 2000m)]);

        var aging = ReceivablesCalculator.Compute("USD", [history], Date("2017-04-04")).Aging;

        Assert.Equal(new AgingBucket(5500m, 1), aging.Days31To60);
        Assert.Equal(new AgingBucket(0m, 0), aging.Current);
        Assert.Equal(new AgingBucket(0m, 0), aging.Days1To30);
        Assert.Equal(new AgingBucket(0m, 0), aging.Days61To90);
        Assert.Equal(new AgingBucket(0m, 0), aging.Days91Plus);
        Assert.Equal(5500m, aging.TotalAr);
        Assert.Equal(0m, aging.CurrentAr);
    }

    // Days past due of each open invoice, per as-of date (2024 is a leap year):
    // 2024-01-31: A −9 (current 1000.00); E 92 (91+ 70.00); B, C, D not issued yet.
    // 2024-03-31: A 51 (31-60 600.00); B 0 (current 250.50); C current 99.99; E written off.
    // 2024-05-09: A 90 (61-90 600.00); B 39 (31-60 250.50); C current 90.00; D current 500.00.
    // 2024-05-10: A 91 (91+ 600.00); B 40 (31-60 250.50); C current 90.00; D due 05-15, current 500.00.
    // 2024-05-16: A 97 (91+ 600.00); B 46 (31-60 250.50); C current 90.00; D paid on 05-12.
    // 2024-07-01: A 143 and B 92 (91+ 850.50); C 13 (1-30 90.00).
    [Theory]
    [InlineData("2024-01-31", "1000.00", "0", "0", "0", "70.00", "1070.00", 2)]
    [InlineData("2024-03-31", "350.49", "0", "600.00", "0", "0", "950.49", 3)]
    [InlineData("2024-05-09", "590.00", "0", "250.50", "600.00", "0", "1440.50", 4)]
    [InlineData("2024-05-10", "590.00", "0", "250.50", "0", "600.00", "1440.50", 4)]
    [InlineData("2024-05-16", "90.00", "0", "250.50", "0", "600.00", "940.50", 3)]
    [InlineData("2024-07-01", "0", "90.00", "0", "0", "850.50", "940.50", 3)]
    public void Buckets_sum_to_total_ar(string asOf, string current, string days1To30, string days31To60, string days61To90, string days91Plus, string total, int openCount)
    {
        var aging = ReceivablesCalculator.Compute("USD", Ledger, Date(asOf)).Aging;

        Assert.Equal(Amount(current), aging.Current.Amount);
        Assert.Equal(Amount(days1To30), aging.Days1To30.Amount);
        Assert.Equal(Amount(days31To60), aging.Days31To60.Amount);
        Assert.Equal(Amount(days61To90), aging.Days61To90.Amount);
        Assert.Equal(Amount(days91Plus), aging.Days91Plus.Amount);
        Assert.Equal(Amount(total), aging.TotalAr);
        Assert.Equal(aging.TotalAr, aging.Current.Amount + aging.Days1To30.Amount + aging.Days31To60.Amount + aging.Days61To90.Amount + aging.Days91Plus.Amount);
        Assert.Equal(aging.Current.Amount, aging.CurrentAr);
        Assert.Equal(openCount, aging.OpenInvoiceCount);
        Assert.Equal(openCount, aging.Current.InvoiceCount + aging.Days1To30.InvoiceCount + aging.Days31To60.InvoiceCount + aging.Days61To90.InvoiceCount + aging.Days91Plus.InvoiceCount);
    }

    private static decimal Amount(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Due_on_as_of_date_is_current()
    {
        var aging = ReceivablesCalculator.Compute("USD", Ledger, Date("2024-03-31")).Aging;

        // B is due 2024-03-31 and C is not due yet: both current.
        Assert.Equal(new AgingBucket(350.49m, 2), aging.Current);
    }

    [Fact]
    public void Back_dated_payment_changes_past_figure()
    {
        // 1000 issued 2024-03-01, due 2024-03-31. At 2024-04-30 it is 30 days past due, and the window of 90 days
        // (2024-02-01 to 2024-04-30) contains its 1000 of sales, so DSO = 1000 / 1000 × 90 = 90.
        var before = Invoice("L", "2024-03-01", "2024-03-31", 1000m);
        // A payment of 600 dated 2024-04-20, posted later, leaves 400: DSO = 400 / 1000 × 90 = 36.
        var after = before with { Entries = [Payment("2024-04-20", 600m)] };

        var lastMonthBefore = ReceivablesCalculator.Compute("USD", [before], Date("2024-04-30"));
        var lastMonthAfter = ReceivablesCalculator.Compute("USD", [after], Date("2024-04-30"));
        var beforePaymentDate = ReceivablesCalculator.Compute("USD", [after], Date("2024-04-15"));

        Assert.Equal(new AgingBucket(1000m, 1), lastMonthBefore.Aging.Days1To30);
        Assert.Equal(90.00m, lastMonthBefore.Dso.Dso);
        Assert.Equal(new AgingBucket(400m, 1), lastMonthAfter.Aging.Days1To30);
        Assert.Equal(36.00m, lastMonthAfter.Dso.Dso);
        Assert.Equal(1000m, beforePaymentDate.Aging.TotalAr);
    }
}
