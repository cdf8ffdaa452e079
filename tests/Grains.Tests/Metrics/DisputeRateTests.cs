using TermSync.Grains.Metrics;
using TermSync.Metrics;
using static TermSync.Grains.Tests.Metrics.MetricHistories;

namespace TermSync.Grains.Tests.Metrics;

public sealed class DisputeRateTests
{
    private static InvoiceHistory Queried(string number, string issued, string? firstQueried, params InvoiceEntry[] entries) =>
        Invoice(number, issued, issued, 100m, entries) with { FirstQueriedOn = firstQueried is null ? null : Date(firstQueried) };

    [Fact]
    public void Invoices_issued_in_window()
    {
        // As of 2024-06-30 the 90-day window runs from 2024-04-02 to 2024-06-30.
        InvoiceHistory[] ledger =
        [
            Queried("Q1", "2024-04-02", "2024-04-10"), // first day of the window, questioned: counted and queried
            Queried("Q2", "2024-04-01", "2024-04-05"), // issued the day before the window: not counted
            Queried("Q3", "2024-06-30", null), // issued on D, never questioned: counted
            Queried("Q4", "2024-05-15", "2024-07-02"), // questioned after D: counted, not queried
            Queried("Q5", "2024-05-20", "2024-05-21", Void("2024-05-25")), // void by D: not counted
            Queried("Q6", "2024-06-01", "2024-06-01"), // questioned on its issue date: counted and queried
            Queried("Q7", "2024-07-01", "2024-07-01"), // issued after D: not counted
            Queried("Q8", "2024-06-10", null), // counted
        ];

        var disputes = ReceivablesCalculator.Compute("USD", ledger, Date("2024-06-30")).DisputeRate;

        // Q1, Q3, Q4, Q6 and Q8 were issued; Q1 and Q6 were queried: 2 / 5 = 40%.
        Assert.Equal(5, disputes.IssuedInvoiceCount);
        Assert.Equal(2, disputes.QueriedInvoiceCount);
        Assert.Equal(40.00m, disputes.DisputeRatePercent);
        Assert.Equal(60.00m, disputes.InvoiceAccuracyPercent);
    }

    [Fact]
    public void Rounded_rate_and_accuracy_add_to_100()
    {
        // 1 of 32 queried: 3.125% rounds half away from zero to 3.13, and accuracy is 100 − 3.13 = 96.87.
        var ledger = Enumerable.Range(1, 32)
            .Select(number => Queried($"R{number}", "2024-06-01", number == 1 ? "2024-06-02" : null))
            .ToArray();

        var disputes = ReceivablesCalculator.Compute("USD", ledger, Date("2024-06-30")).DisputeRate;

        Assert.Equal(3.13m, disputes.DisputeRatePercent);
        Assert.Equal(96.87m, disputes.InvoiceAccuracyPercent);
    }

    [Fact]
    public void Nothing_issued_gives_nulls()
    {
        var disputes = ReceivablesCalculator.Compute("USD", [Queried("Q", "2024-01-01", "2024-01-02")], Date("2024-06-30")).DisputeRate;

        Assert.Equal(0, disputes.IssuedInvoiceCount);
        Assert.Null(disputes.DisputeRatePercent);
        Assert.Null(disputes.InvoiceAccuracyPercent);
    }
}
