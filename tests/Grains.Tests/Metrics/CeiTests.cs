using TermSync.Grains.Metrics;
using static TermSync.Grains.Tests.Metrics.MetricHistories;

namespace TermSync.Grains.Tests.Metrics;

public sealed class CeiTests
{
    [Fact]
    public void Monthly_over_first_half_of_march()
    {
        // Period 2024-03-01 to 2024-03-15. B = AR at 2024-02-29: J open 600 (3000 − 200 − 2200), F open 2000, Z paid,
        // M not issued: 2600. S = 1000 (M). E = 3100, Ec = 1000.
        // CEI = (2600 + 1000 − 3100) / (2600 + 1000 − 1000) × 100 = 500 / 2600 × 100 = 19.2307…
        var cei = ReceivablesCalculator.Compute("USD", DsoTests.Ledger, Date("2024-03-15")).Cei.Monthly;

        Assert.Equal(Date("2024-03-01"), cei.PeriodStart);
        Assert.Equal(Date("2024-03-15"), cei.PeriodEnd);
        Assert.Equal(2600m, cei.BeginningAr);
        Assert.Equal(1000m, cei.CreditSales);
        Assert.Equal(3100m, cei.EndingAr);
        Assert.Equal(1000m, cei.EndingCurrentAr);
        Assert.Equal(3, cei.InvoiceCount);
        Assert.Equal(19.23m, cei.CeiPercent);
    }

    [Fact]
    public void Quarterly_from_january()
    {
        // Period 2024-01-01 to 2024-03-15. B = AR at 2023-12-31: Z open 4000. S = 3000 + 2000 − 200 + 1000 = 5800.
        // CEI = (4000 + 5800 / 3 − 3100) / (4000 + 5800 / 3 − 1000) × 100 = (8500 / 3) / (14800 / 3) × 100 = 57.4324…
        var cei = ReceivablesCalculator.Compute("USD", DsoTests.Ledger, Date("2024-03-15")).Cei.Quarterly;

        Assert.Equal(3, cei.Months);
        Assert.Equal(Date("2024-01-01"), cei.PeriodStart);
        Assert.Equal(4000m, cei.BeginningAr);
        Assert.Equal(5800m, cei.CreditSales);
        Assert.Equal(4, cei.InvoiceCount);
        Assert.Equal(57.43m, cei.CeiPercent);
    }

    [Fact]
    public void Null_when_denominator_is_zero()
    {
        // No AR before the period, no sales in it and none at the end: B + S / N − Ec = 0.
        var history = Invoice("P", "2024-01-05", "2024-02-04", 100m, Payment("2024-01-20", 100m));

        var cei = ReceivablesCalculator.Compute("USD", [history], Date("2024-03-15")).Cei;

        Assert.Null(cei.Monthly.CeiPercent);
        Assert.Equal(0, cei.Monthly.InvoiceCount);
        // The quarter contains the sale of 100: (0 + 100 / 3 − 0) / (0 + 100 / 3 − 0) × 100 = 100.
        Assert.Equal(100.00m, cei.Quarterly.CeiPercent);
    }
}
