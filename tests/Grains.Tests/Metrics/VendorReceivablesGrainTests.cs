using TermSync.Grains.Metrics;
using TermSync.Grains.Metrics.Live;
using TermSync.Metrics;

namespace TermSync.Grains.Tests.Metrics;

/// <summary>
/// The live figures of a vendor grain, checked against the calculator for the same histories. The histories end
/// yesterday in UTC, the grain's cutoff, so that the running totals count every invoice and none is walked as pending.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class VendorReceivablesGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Live_figures_follow_changes_after_a_read()
    {
        var vendorId = TestData.NewId("v");
        var grain = fixture.Grains.GetGrain<IVendorReceivablesGrain>(vendorId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var random = new RandomHistories(41);
        var first = EndingOn(today.AddDays(-1), [.. Enumerable.Range(0, 150).Select(index => random.Next(vendorId, $"INV-{index:D4}"))]);
        var second = EndingOn(today.AddDays(-1), [.. Enumerable.Range(0, 150).Select(index => random.Next(vendorId, $"INV-{index:D4}"))]);
        foreach (var history in first)
        {
            await grain.RecordInvoiceAsync(history, 1);
        }

        var before = await grain.GetFiguresAsync(today, 90);

        // A question is never taken back, so the earliest question date of either history stays.
        var expected = first.ToList();
        for (var index = 0; index < first.Count; index += 3)
        {
            await grain.RecordInvoiceAsync(second[index], 2);
            expected[index] = second[index] with { FirstQueriedOn = Earliest(first[index].FirstQueriedOn, second[index].FirstQueriedOn) };
        }

        var after = await grain.GetFiguresAsync(today, 90);
        var copy = await grain.GetTotalsAsync();

        Assert.Equal(ReceivablesCalculator.ComputeByCurrency(first, today, 90), before);
        Assert.Equal(ReceivablesCalculator.ComputeByCurrency(expected, today, 90), after);
        Assert.NotEqual(before, after);
        Assert.Empty(copy.Pending);
        Assert.Equal(after, ReceivablesRunningTotals.ComputeAll(copy.Currencies, copy.Pending, today, 90));
    }

    /// <summary>Returns the histories with every date moved by the same number of days, so that the latest is <paramref name="last"/>.</summary>
    private static List<InvoiceHistory> EndingOn(DateOnly last, List<InvoiceHistory> histories)
    {
        var latest = histories
            .SelectMany(history => history.Entries.Select(entry => entry.Date).Append(history.IssueDate).Append(history.FirstQueriedOn ?? history.IssueDate))
            .Max();
        var days = last.DayNumber - latest.DayNumber;

        return [.. histories.Select(history => history with
        {
            IssueDate = history.IssueDate.AddDays(days),
            DueDate = history.DueDate.AddDays(days),
            FirstQueriedOn = history.FirstQueriedOn?.AddDays(days),
            Entries = [.. history.Entries.Select(entry => entry with { Date = entry.Date.AddDays(days) })],
        })];
    }

    private static DateOnly? Earliest(DateOnly? first, DateOnly? second)
    {
        if (first is null || second is null)
        {
            return first ?? second;
        }

        return first < second ? first : second;
    }
}
