using TermSync.Grains.Metrics;
using TermSync.Metrics;
using static TermSync.Grains.Tests.Metrics.MetricHistories;

namespace TermSync.Grains.Tests.Metrics;

/// <summary>
/// Every entry dated after the as-of date leaves the figures at that date unchanged, so a series may compute each
/// point from histories loaded as of its last date.
/// </summary>
public sealed class LaterEntriesTests
{
    private const string AsOf = "2024-03-31";

    // Each invoice is the same as in Known, plus entries dated after 2024-03-31: payments, a write-off, a credit note,
    // a question, a void and a reversal. D is issued after 2024-03-31.
    private static readonly InvoiceHistory[] WithLaterEntries =
    [
        Invoice("A", "2024-01-10", "2024-02-09", 1000.00m, Payment("2024-02-20", 400.00m), Payment("2024-04-05", 600.00m)),
        Invoice("B", "2024-03-01", "2024-03-31", 250.50m, WriteOff("2024-04-10")),
        Invoice("C", "2024-03-20", "2024-06-18", 99.99m, Credit("2024-04-01", 9.99m)) with { FirstQueriedOn = Date("2024-04-02") },
        Invoice("D", "2024-04-15", "2024-05-15", 500.00m),
        Invoice("E", "2024-02-01", "2024-03-02", 300.00m, Void("2024-04-20")),
        Invoice("F", "2024-01-05", "2024-02-04", 80.00m, Payment("2024-02-01", 80.00m), Reversal("2024-04-03", 80.00m)),
    ];

    private static readonly InvoiceHistory[] Known =
    [
        Invoice("A", "2024-01-10", "2024-02-09", 1000.00m, Payment("2024-02-20", 400.00m)),
        Invoice("B", "2024-03-01", "2024-03-31", 250.50m),
        Invoice("C", "2024-03-20", "2024-06-18", 99.99m),
        Invoice("E", "2024-02-01", "2024-03-02", 300.00m),
        Invoice("F", "2024-01-05", "2024-02-04", 80.00m, Payment("2024-02-01", 80.00m)),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(90)]
    [InlineData(365)]
    public void Later_entries_leave_figures_unchanged(int windowDays)
    {
        var withLater = ReceivablesCalculator.Compute(Currency, WithLaterEntries, Date(AsOf), windowDays);
        var known = ReceivablesCalculator.Compute(Currency, Known, Date(AsOf), windowDays);

        Assert.Equal(known, withLater);
    }

    [Fact]
    public void Later_entries_count_from_their_dates()
    {
        var atAsOf = ReceivablesCalculator.Compute(Currency, WithLaterEntries, Date(AsOf)).Aging;
        var later = ReceivablesCalculator.Compute(Currency, WithLaterEntries, Date("2024-04-30")).Aging;

        // 600 of A + 250.50 of B + 99.99 of C + 300 of E. F is settled.
        Assert.Equal(1250.49m, atAsOf.TotalAr);
        Assert.Equal(4, atAsOf.OpenInvoiceCount);

        // A is paid, B written off and E void. C has 90.00 after its credit note, D 500 and F 80 after the reversal.
        Assert.Equal(670.00m, later.TotalAr);
        Assert.Equal(3, later.OpenInvoiceCount);
    }
}
