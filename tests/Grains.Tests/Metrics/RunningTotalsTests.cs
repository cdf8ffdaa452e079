using TermSync.Grains.Metrics;
using TermSync.Metrics;

namespace TermSync.Grains.Tests.Metrics;

/// <summary>
/// Checks that running totals give exactly the calculator's figures for the same histories at every as-of date they
/// serve, after invoices change, are recorded again or are summed across vendors.
/// </summary>
public sealed class RunningTotalsTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Figures_equal_the_calculators_at_every_date_served(int seed)
    {
        var histories = Generate(seed, "vendor-a", 300);
        var totals = new ReceivablesRunningTotals();
        totals.AdvanceCutoff(LatestDate(histories));
        foreach (var history in histories)
        {
            totals.Record(history, 1);
        }

        Assert.Empty(totals.PendingHistories);
        AssertSameFigures(histories, totals);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Invoices_dated_after_the_cutoff_are_walked_until_it_passes(int seed)
    {
        var histories = Generate(seed, "vendor-a", 300);
        var totals = new ReceivablesRunningTotals();
        totals.AdvanceCutoff(MetricHistories.Date("2026-06-30"));
        foreach (var history in histories)
        {
            totals.Record(history, 1);
        }

        Assert.NotEmpty(totals.PendingHistories);
        AssertSameFigures(histories, totals);

        Assert.True(totals.AdvanceCutoff(LatestDate(histories)));
        Assert.Empty(totals.PendingHistories);
        AssertSameFigures(histories, totals);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Changed_invoices_replace_their_old_histories(int seed)
    {
        var first = Generate(seed, "vendor-a", 200);
        var second = Generate(seed + 100, "vendor-a", 200);
        var totals = new ReceivablesRunningTotals();
        totals.AdvanceCutoff(MetricHistories.Date("2027-12-31"));
        foreach (var history in first)
        {
            totals.Record(history, 1);
        }

        foreach (var history in second.Where((_, index) => index % 2 == 0))
        {
            totals.Record(history, 2);
        }

        // A question is never taken back, so the earliest question date of either history stays.
        var expected = first.Select((history, index) => index % 2 == 0 ? second[index] with { FirstQueriedOn = Earliest(history.FirstQueriedOn, second[index].FirstQueriedOn) } : history).ToList();
        AssertSameFigures(expected, totals);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Figures_follow_changes_made_after_a_read(int seed)
    {
        var first = Generate(seed, "vendor-a", 200);
        var second = Generate(seed + 200, "vendor-a", 200);
        var totals = new ReceivablesRunningTotals();
        totals.AdvanceCutoff(MetricHistories.Date("2027-12-31"));
        var expected = new Dictionary<string, InvoiceHistory>(StringComparer.Ordinal);

        // Every batch reads the figures, so the next batch changes totals whose index was already built.
        for (var batch = 0; batch < 5; batch++)
        {
            for (var index = batch * 40; index < (batch + 1) * 40; index++)
            {
                totals.Record(first[index], 1);
                expected[first[index].InvoiceNumber] = first[index];
            }

            for (var index = batch; index < batch * 40; index += 7)
            {
                var replaced = expected[second[index].InvoiceNumber];
                totals.Record(second[index], batch + 2);
                expected[second[index].InvoiceNumber] = second[index] with { FirstQueriedOn = Earliest(replaced.FirstQueriedOn, second[index].FirstQueriedOn) };
            }

            AssertSameFigures([.. expected.Values], totals);
        }
    }

    [Fact]
    public void Aging_buckets_split_at_their_bounds()
    {
        var asOf = MetricHistories.Date("2026-06-30");
        var daysPastDue = new[] { -1, 0, 1, 30, 31, 60, 61, 90, 91, 400 };
        var histories = daysPastDue
            .Select((days, index) => new InvoiceHistory(
                "vendor-a", $"INV-{index}", "customer-a", "USD", asOf.AddDays(-Math.Max(days, 0) - 10), asOf.AddDays(-days), 100m * (index + 1), []))
            .ToList();
        var totals = new ReceivablesRunningTotals();
        totals.AdvanceCutoff(asOf);
        histories.ForEach(history => totals.Record(history, 1));

        var aging = Assert.Single(totals.Compute(asOf, 90)!).Aging;

        // Invoice i is worth 100 × (i + 1) and sits daysPastDue[i] days past due.
        Assert.Equal(new AgingBucket(300m, 2), aging.Current);
        Assert.Equal(new AgingBucket(700m, 2), aging.Days1To30);
        Assert.Equal(new AgingBucket(1100m, 2), aging.Days31To60);
        Assert.Equal(new AgingBucket(1500m, 2), aging.Days61To90);
        Assert.Equal(new AgingBucket(1900m, 2), aging.Days91Plus);
        Assert.Equal(Assert.Single(ReceivablesCalculator.ComputeByCurrency(histories, asOf, 90)).Aging, aging);
    }

    [Fact]
    public void Totals_ignore_stale_version()
    {
        var histories = Generate(11, "vendor-a", 2);
        var totals = new ReceivablesRunningTotals();
        totals.AdvanceCutoff(LatestDate(histories));
        totals.Record(histories[0], 3);

        var changed = totals.Record(histories[1] with { InvoiceNumber = histories[0].InvoiceNumber }, 2);

        Assert.False(changed);
        AssertSameFigures([histories[0]], totals);
    }

    [Fact]
    public void Totals_keep_earliest_question_date()
    {
        var history = MetricHistories.Invoice("INV-1", "2026-03-02", "2026-04-01", 100m);
        var totals = new ReceivablesRunningTotals();
        totals.AdvanceCutoff(MetricHistories.Date("2026-03-31"));
        totals.RecordQueried("vendor-a", "INV-1", MetricHistories.Date("2026-03-20"));
        totals.Record(history, 1);
        totals.RecordQueried("vendor-a", "INV-1", MetricHistories.Date("2026-03-10"));
        totals.RecordQueried("vendor-a", "INV-1", MetricHistories.Date("2026-03-15"));

        AssertSameFigures([history with { FirstQueriedOn = MetricHistories.Date("2026-03-10") }], totals);
        var figures = Assert.Single(totals.Compute(MetricHistories.Date("2026-03-31"), 90)!);
        Assert.Equal(1, figures.DisputeRate.QueriedInvoiceCount);
    }

    [Fact]
    public void Totals_of_two_vendors_add_up()
    {
        var vendorA = Generate(21, "vendor-a", 150);
        var vendorB = Generate(22, "vendor-b", 150);
        var totalsA = new ReceivablesRunningTotals();
        var totalsB = new ReceivablesRunningTotals();
        totalsA.AdvanceCutoff(MetricHistories.Date("2027-06-30"));
        totalsB.AdvanceCutoff(MetricHistories.Date("2027-06-30"));
        vendorA.ForEach(history => totalsA.Record(history, 1));
        vendorB.ForEach(history => totalsB.Record(history, 1));

        var network = new CurrencyRunningTotals();
        network.Add(totalsA.Currencies["USD"], +1);
        network.Add(totalsB.Currencies["USD"], +1);
        var asOf = MetricHistories.Date("2027-06-30");

        var expected = ReceivablesCalculator.Compute("USD", [.. vendorA, .. vendorB], asOf, 90);
        var actual = Assert.Single(ReceivablesRunningTotals.ComputeAll(new Dictionary<string, CurrencyRunningTotals> { ["USD"] = network }, [], asOf, 90));
        Assert.Equal(expected, actual);

        network.Add(totalsB.Currencies["USD"], -1);
        var withoutB = Assert.Single(ReceivablesRunningTotals.ComputeAll(new Dictionary<string, CurrencyRunningTotals> { ["USD"] = network }, [], asOf, 90));
        Assert.Equal(ReceivablesCalculator.Compute("USD", vendorA, asOf, 90), withoutB);
    }

    [Fact]
    public void Totals_reject_early_dates_and_long_windows()
    {
        var history = MetricHistories.Invoice("INV-1", "2026-03-02", "2026-04-01", 100m, MetricHistories.Payment("2026-05-04", 40m));
        var totals = new ReceivablesRunningTotals();
        totals.AdvanceCutoff(MetricHistories.Date("2026-05-04"));
        totals.Record(history, 1);

        Assert.Null(totals.Compute(MetricHistories.Date("2026-05-03"), 90));
        Assert.Null(totals.Compute(MetricHistories.Date("2026-05-04"), ReceivablesRunningTotals.MaxWindowDays + 1));
        Assert.NotNull(totals.Compute(MetricHistories.Date("2026-05-04"), ReceivablesRunningTotals.MaxWindowDays));
    }

    [Fact]
    public void Totals_stop_serving_after_invalid_history()
    {
        var valid = MetricHistories.Invoice("INV-1", "2026-03-02", "2026-04-01", 100m);
        var totals = new ReceivablesRunningTotals();
        totals.AdvanceCutoff(MetricHistories.Date("2026-06-30"));
        totals.Record(valid, 1);

        Assert.Throws<ArgumentException>(() => totals.Record(valid with { DueDate = MetricHistories.Date("2026-03-01") }, 2));
        Assert.Null(totals.Compute(MetricHistories.Date("2026-06-30"), 90));

        totals.Record(valid, 3);
        AssertSameFigures([valid], totals);
    }

    private static DateOnly? Earliest(DateOnly? first, DateOnly? second)
    {
        if (first is null || second is null)
        {
            return first ?? second;
        }

        return first < second ? first : second;
    }

    private static List<InvoiceHistory> Generate(int seed, string vendorId, int count)
    {
        var random = new RandomHistories(seed);
        return [.. Enumerable.Range(0, count).Select(index => random.Next(vendorId, $"INV-{index:D4}"))];
    }

    private static DateOnly LatestDate(IEnumerable<InvoiceHistory> histories) => histories
        .SelectMany(history => history.Entries.Select(entry => entry.Date).Append(history.IssueDate).Append(history.FirstQueriedOn ?? history.IssueDate))
        .Max();

    /// <summary>
    /// Compares both from the cutoff on, at the latest entry date and at later dates, over short, default and the longest
    /// served windows, and checks that dates before the cutoff are not served.
    /// </summary>
    private static void AssertSameFigures(IReadOnlyList<InvoiceHistory> histories, ReceivablesRunningTotals totals)
    {
        var latest = LatestDate(histories);
        var cutoff = totals.Cutoff;
        foreach (var asOf in new[] { cutoff, cutoff.AddDays(1), cutoff.AddDays(20), latest, latest.AddDays(1), latest.AddDays(45), latest.AddDays(400) }.Where(date => date >= cutoff))
        {
            foreach (var windowDays in new[] { 1, 30, 90, ReceivablesRunningTotals.MaxWindowDays })
            {
                var expected = ReceivablesCalculator.ComputeByCurrency(histories, asOf, windowDays);
                var actual = totals.Compute(asOf, windowDays);
                Assert.NotNull(actual);
                Assert.Equal(expected, actual);
            }
        }

        Assert.Null(totals.Compute(cutoff.AddDays(-1), 90));
    }
}
