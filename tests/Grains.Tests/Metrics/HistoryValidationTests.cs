using TermSync.Grains.Metrics;
using TermSync.Metrics;
using static TermSync.Grains.Tests.Metrics.MetricHistories;

namespace TermSync.Grains.Tests.Metrics;

public sealed class HistoryValidationTests
{
    public static TheoryData<string, InvoiceHistory> InvalidHistories => new()
    {
        { "before its issue date", Invoice("E1", "2024-03-01", "2024-03-31", 100m, Payment("2024-02-28", 10m)) },
        { "invalid issued amount", Invoice("E2", "2024-03-01", "2024-03-31", 0m) },
        { "invalid issued amount", Invoice("E3", "2024-03-01", "2024-03-31", 10.005m) },
        { "due on 2024-02-01", Invoice("E4", "2024-03-01", "2024-02-01", 100m) },
        { "Send 0", Invoice("E5", "2024-03-01", "2024-03-31", 100m, new InvoiceEntry(InvoiceEntryKind.WriteOff, Date("2024-04-01"), 5m)) },
        { "invalid amount -5", Invoice("E6", "2024-03-01", "2024-03-31", 100m, Payment("2024-03-02", -5m)) },
        { "at most one", Invoice("E7", "2024-03-01", "2024-03-31", 100m, WriteOff("2024-04-01"), Void("2024-04-02")) },
        { "nothing paid or credited", Invoice("E8", "2024-03-01", "2024-03-31", 100m, Payment("2024-03-02", 5m), Void("2024-03-03")) },
        { "after its void", Invoice("E9", "2024-03-01", "2024-03-31", 100m, Void("2024-03-03"), Credit("2024-03-04", 5m)) },
        { "reversed by 2024-03-02", Invoice("E10", "2024-03-01", "2024-03-31", 100m, Reversal("2024-03-02", 5m), Payment("2024-03-03", 5m)) },
        { "is in EUR, not USD", Invoice("E11", "2024-03-01", "2024-03-31", 100m) with { Currency = "EUR" } },
    };

    [Theory]
    [MemberData(nameof(InvalidHistories))]
    public void Invalid_history_is_rejected(string expectedMessagePart, InvoiceHistory history)
    {
        var error = Assert.Throws<ArgumentException>(() => ReceivablesCalculator.Compute("USD", [history], Date("2024-06-30")));

        Assert.Contains(expectedMessagePart, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{history.InvoiceNumber}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_invoice_is_rejected()
    {
        var history = Invoice("D1", "2024-03-01", "2024-03-31", 100m);

        var error = Assert.Throws<ArgumentException>(() => ReceivablesCalculator.Compute("USD", [history, history], Date("2024-06-30")));

        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Currencies_are_computed_apart()
    {
        InvoiceHistory[] ledger =
        [
            Invoice("U1", "2024-06-01", "2024-07-01", 100m),
            Invoice("E1", "2024-06-01", "2024-07-01", 40m) with { Currency = "EUR" },
            Invoice("E2", "2024-06-02", "2024-07-02", 2m) with { Currency = "EUR" },
        ];

        var results = ReceivablesCalculator.ComputeByCurrency(ledger, Date("2024-06-30"));

        Assert.Equal(["EUR", "USD"], results.Select(result => result.Scope.Currency));
        Assert.Equal(42m, results[0].Aging.TotalAr);
        Assert.Equal(2, results[0].Aging.OpenInvoiceCount);
        Assert.Equal(100m, results[1].Aging.TotalAr);
    }
}
