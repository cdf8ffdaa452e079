using TermSync.Grains.Metrics;
using TermSync.Metrics;
using static TermSync.Grains.Tests.Metrics.MetricHistories;

namespace TermSync.Grains.Tests.Metrics;

public sealed class PaymentBehaviourTests
{
    // As of 2024-06-30 the 90-day window runs from 2024-04-02 to 2024-06-30.
    private static readonly InvoiceHistory[] Ledger =
    [
        // Settled 04-20 by its second payment: 20 days late, 50 days to pay (March 1 to April 20).
        Invoice("P1", "2024-03-01", "2024-03-31", 1000m, Payment("2024-04-10", 400m), Payment("2024-04-20", 600m)),
        // Settled 04-25 by a credit note, 6 days before it was due: 0 days late, 24 days to pay.
        Invoice("P2", "2024-04-01", "2024-05-01", 3000m, Credit("2024-04-25", 3000m)),
        // Settled 2024-03-30, before the window: 28 days late, 58 days to pay.
        Invoice("P3", "2024-02-01", "2024-03-02", 500m, Payment("2024-03-30", 500m)),
        // Paid 05-01, reversed 05-10 and paid again 06-14, so settled 06-14: 40 days late, 70 days to pay.
        Invoice("P4", "2024-04-05", "2024-05-05", 200m, Payment("2024-05-01", 200m), Reversal("2024-05-10", 200m), Payment("2024-06-14", 200m)),
        // Written off: never settled.
        Invoice("P5", "2024-04-10", "2024-05-10", 100m, Payment("2024-06-01", 30m), WriteOff("2024-06-01")),
        // Paid after the as-of date.
        Invoice("P6", "2024-05-01", "2024-05-31", 700m, Payment("2024-07-05", 700m)),
        // Void: never settled.
        Invoice("P7", "2024-04-03", "2024-05-03", 50m, Void("2024-04-04")),
    ];

    [Fact]
    public void Days_late_and_to_pay()
    {
        var behaviour = ReceivablesCalculator.Compute("USD", Ledger, Date("2024-06-30")).PaymentBehaviour;

        // P1, P2 and P4.
        Assert.Equal(3, behaviour.SettledInvoiceCount);
        // (20 + 0 + 40) / 3 = 20.
        Assert.Equal(20.00m, behaviour.AverageDaysLate);
        // (1000 × 20 + 3000 × 0 + 200 × 40) / (1000 + 3000 + 200) = 28000 / 4200 = 6.666…
        Assert.Equal(6.67m, behaviour.AmountWeightedDaysLate);
        // (50 + 24 + 70) / 3 = 48.
        Assert.Equal(48.00m, behaviour.AverageDaysToPay);
    }

    [Fact]
    public void Reversal_reopens_settled_invoice()
    {
        // As of 2024-05-31 (window 2024-03-03 to 2024-05-31) P4 was reversed on 05-10 and is open again, so the
        // settled invoices are P1, P2 and P3: days late (20 + 0 + 28) / 3 = 16 and days to pay (50 + 24 + 58) / 3 = 44.
        var behaviour = ReceivablesCalculator.Compute("USD", Ledger, Date("2024-05-31")).PaymentBehaviour;

        Assert.Equal(3, behaviour.SettledInvoiceCount);
        Assert.Equal(16.00m, behaviour.AverageDaysLate);
        Assert.Equal(44.00m, behaviour.AverageDaysToPay);
    }

    [Fact]
    public void Nothing_settled_gives_nulls()
    {
        var behaviour = ReceivablesCalculator.Compute("USD", Ledger, Date("2024-03-20"), windowDays: 10).PaymentBehaviour;

        Assert.Equal(0, behaviour.SettledInvoiceCount);
        Assert.Null(behaviour.AverageDaysLate);
        Assert.Null(behaviour.AmountWeightedDaysLate);
        Assert.Null(behaviour.AverageDaysToPay);
    }

    [Fact]
    public void Write_offs_in_window()
    {
        var earlier = Invoice("P8", "2024-01-05", "2024-02-04", 900m, Payment("2024-03-01", 300m), WriteOff("2024-03-20"));
        var ledger = Ledger.Append(earlier).ToArray();

        var june = ReceivablesCalculator.Compute("USD", ledger, Date("2024-06-30")).WriteOffs;
        var march = ReceivablesCalculator.Compute("USD", ledger, Date("2024-03-31")).WriteOffs;

        // P5: 100 less the 30 paid on the write-off date. P8 was written off before the window.
        Assert.Equal(1, june.InvoiceCount);
        Assert.Equal(70m, june.Amount);
        // Window 2024-01-02 to 2024-03-31: P8's 900 less the 300 paid.
        Assert.Equal(1, march.InvoiceCount);
        Assert.Equal(600m, march.Amount);
    }
}
