using System.Globalization;
using System.Text;

namespace TermSync.Benchmarks.Metrics;

/// <summary>Renders the results of several network sizes as Markdown: the networks, warm-up and memory, latency per series, and the ratio between sizes.</summary>
public static class MetricsReport
{
    private const string LiveNetwork = "live-network";
    private const string LiveVendor = "live-vendor";
    private const string PastQuarter = "past-quarter-network";

    /// <summary>Largest accepted ratio of live read latency at the largest network to that at the smallest.</summary>
    private const double LiveRatioTarget = 1.5;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly string[] EntryKinds = ["issued", "amount-adjusted", "payment", "payment-reversal", "credit", "write-off", "void", "queried"];

    /// <summary>Renders <paramref name="results"/>, ordered by invoice count.</summary>
    public static string ToMarkdown(IReadOnlyList<MeasureResult> results)
    {
        var sizes = results.OrderBy(result => result.Network.Invoices).ToList();
        var text = new StringBuilder();
        AppendNetworks(text, sizes);
        AppendWarmup(text, sizes);
        AppendLatency(text, sizes);
        AppendSummary(text, sizes);
        AppendChecks(text, sizes);
        return text.ToString();
    }

    private static void AppendNetworks(StringBuilder text, IReadOnlyList<MeasureResult> sizes)
    {
        text.AppendLine("Generated networks, loaded with one binary COPY and then `VACUUM (ANALYZE)`:");
        text.AppendLine();
        text.AppendLine("| invoices | ledger rows | vendors | customers | invoices per currency | measured vendor | issue dates | past quarter end | generation s | COPY s | VACUUM s | table and indexes MiB |");
        text.AppendLine("|--:|--:|--:|--:|---|---|---|---|--:|--:|--:|--:|");
        foreach (var size in sizes)
        {
            var network = size.Network;
            var currencies = string.Join(", ", network.InvoicesByCurrency.Select(pair => $"{pair.Key} {pair.Value:N0}"));
            text.AppendLine(Invariant, $"| {network.Invoices:N0} | {network.Rows:N0} | {network.Vendors.Count} | {network.Customers:N0} | {currencies} | {network.MeasuredVendorId} ({network.MeasuredVendorInvoices:N0} invoices) | {network.FirstDate:yyyy-MM-dd} to {network.LastDate:yyyy-MM-dd} | {network.PastQuarterEnd:yyyy-MM-dd} | {network.GenerationSeconds:F1} | {network.CopySeconds:F1} | {network.VacuumSeconds:F1} | {MiB(network.TableBytes)} |");
        }

        text.AppendLine();
        text.AppendLine("Ledger rows by entry kind:");
        text.AppendLine();
        text.AppendLine($"| invoices | {string.Join(" | ", EntryKinds)} |");
        text.AppendLine($"|--:|{string.Concat(EntryKinds.Select(_ => "--:|"))}");
        foreach (var size in sizes)
        {
            var counts = EntryKinds.Select(kind => size.Network.RowsByKind.GetValueOrDefault(kind).ToString("N0", Invariant));
            text.AppendLine(Invariant, $"| {size.Network.Invoices:N0} | {string.Join(" | ", counts)} |");
        }

        text.AppendLine();
    }

    private static void AppendWarmup(StringBuilder text, IReadOnlyList<MeasureResult> sizes)
    {
        text.AppendLine("Warm-up and memory of the API process with its co-hosted silo (VmRSS and VmHWM from /proc/PID/status):");
        text.AppendLine();
        text.AppendLine("| invoices | vendor registration s | first live network read s | first live vendor read s | first past-quarter read s | RSS after warm-up MiB | peak RSS after warm-up MiB | peak RSS at end MiB |");
        text.AppendLine("|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var size in sizes)
        {
            text.AppendLine(Invariant, $"| {size.Network.Invoices:N0} | {size.RegistrationSeconds:F1} | {Seconds(size, LiveNetwork)} | {Seconds(size, LiveVendor)} | {Seconds(size, PastQuarter)} | {MiB(size.AfterWarmup.ResidentBytes)} | {MiB(size.AfterWarmup.PeakResidentBytes)} | {MiB(size.AtEnd.PeakResidentBytes)} |");
        }

        text.AppendLine();
    }

    private static void AppendLatency(StringBuilder text, IReadOnlyList<MeasureResult> sizes)
    {
        text.AppendLine("Latency of sequential reads in milliseconds, as median (min to max) over the rounds:");
        text.AppendLine();
        text.AppendLine("| invoices | read | source | rounds | reads per round | p50 ms | p90 ms | p99 ms | max ms | ledger rows read per request |");
        text.AppendLine("|--:|---|---|--:|---|--:|--:|--:|--:|--:|");
        foreach (var size in sizes)
        {
            foreach (var name in new[] { LiveNetwork, LiveVendor, PastQuarter })
            {
                var rounds = size.Series.Where(series => series.Name == name).ToList();
                if (rounds.Count == 0)
                {
                    continue;
                }

                var reads = rounds.Select(series => series.Reads).Distinct().Order().ToList();
                var rows = size.LedgerRowsPerRead.TryGetValue(name, out var value) ? value.ToString("N0", Invariant) : "not measured";
                var sources = string.Join(", ", rounds.SelectMany(series => series.Sources).Distinct().Order(StringComparer.Ordinal));
                text.AppendLine(Invariant, $"| {size.Network.Invoices:N0} | {name} | {sources} | {rounds.Count} | {string.Join(", ", reads)} | {Spread(rounds, series => series.P50)} | {Spread(rounds, series => series.P90)} | {Spread(rounds, series => series.P99)} | {Spread(rounds, series => series.Max)} | {rows} |");
            }
        }

        text.AppendLine();
    }

    private static void AppendSummary(StringBuilder text, IReadOnlyList<MeasureResult> sizes)
    {
        if (sizes.Count == 0 || sizes.Any(size => size.Series.Count == 0))
        {
            return;
        }

        var smallest = sizes[0];
        var largest = sizes[^1];
        foreach (var larger in sizes.Skip(1))
        {
            var scale = $"{larger.Network.Invoices:N0} / {smallest.Network.Invoices:N0} invoices";
            text.AppendLine(Invariant, $"- **Live network read, {scale}: p50 ratio {Ratio(larger, smallest, LiveNetwork, series => series.P50)}, p99 ratio {Ratio(larger, smallest, LiveNetwork, series => series.P99)}** (medians over the rounds; responses' source {Sources(sizes, LiveNetwork)}, see the path lines below).");
            text.AppendLine(Invariant, $"- Live vendor read, {scale}: p50 ratio {Ratio(larger, smallest, LiveVendor, series => series.P50)}, p99 ratio {Ratio(larger, smallest, LiveVendor, series => series.P99)}.");
        }

        if (sizes.Count > 1)
        {
            text.AppendLine(Invariant, $"- **Target: live read latency at {largest.Network.Invoices:N0} invoices within {LiveRatioTarget.ToString("F1", Invariant)} times that at {smallest.Network.Invoices:N0}.** Live network read: p50 {AgainstTarget(largest, smallest, LiveNetwork, series => series.P50)}, p99 {AgainstTarget(largest, smallest, LiveNetwork, series => series.P99)}. Live vendor read: p50 {AgainstTarget(largest, smallest, LiveVendor, series => series.P50)}, p99 {AgainstTarget(largest, smallest, LiveVendor, series => series.P99)}.");
            var pastQuarter = string.Join("; ", sizes.Select(size => $"{size.Network.Invoices:N0} invoices p50 {Milliseconds(Median(size, PastQuarter, series => series.P50))} ms"));
            text.AppendLine(Invariant, $"- SQL recomputation (past-quarter network read) by size: {pastQuarter}. Ratio {largest.Network.Invoices:N0} / {smallest.Network.Invoices:N0} invoices: p50 {Ratio(largest, smallest, PastQuarter, series => series.P50)}.");
        }

        text.AppendLine(Invariant, $"- **Past-quarter network read at {largest.Network.Invoices:N0} invoices (as of {largest.Network.PastQuarterEnd:yyyy-MM-dd}): p50 {Milliseconds(Median(largest, PastQuarter, series => series.P50))} ms, p99 {Milliseconds(Median(largest, PastQuarter, series => series.P99))} ms.**");
        foreach (var size in sizes)
        {
            text.AppendLine(Invariant, $"- Path at {size.Network.Invoices:N0} invoices: {DescribePath(size)}");
        }

        var first = sizes[0];
        text.AppendLine(Invariant, $"- Each round sends up to {first.MaxReads} reads of each series, one after the other, and stops a series after {first.SeriesSeconds} s once it has {first.MinReads} reads. With fewer than 100 reads, p99 is one of the two highest latencies. Rows read per request come from PostgreSQL's `pg_stat_user_tables` (sequential and index reads of receivables_ledger) over round 1.");
        text.AppendLine(Invariant, $"- Not counted: the first read of each series, then up to {first.WarmupReads} more, fewer when they pass {first.SeriesSeconds} s ({string.Join("; ", sizes.Select(WarmupCounts))}).");
        foreach (var size in sizes)
        {
            text.AppendLine(Invariant, $"- Run at {size.Network.Invoices:N0} invoices: {size.StartedAt:yyyy-MM-dd HH:mm} to {size.EndedAt:HH:mm} UTC; load average (1, 5, 15 min) before the warm-up {size.LoadAtStart}, after the last round {size.LoadAtEnd}.");
        }

        text.AppendLine();
    }

    private static void AppendChecks(StringBuilder text, IReadOnlyList<MeasureResult> sizes)
    {
        text.AppendLine("Checks:");
        text.AppendLine();
        foreach (var size in sizes)
        {
            if (size.Problems.Count == 0)
            {
                text.AppendLine(Invariant, $"- {size.Network.Invoices:N0} invoices: the first read of each series returned, per currency, the total AR and open invoice count that the generator computes from its own rows (live: from {size.Network.LastDate:yyyy-MM-dd} on; past quarter: at {size.Network.PastQuarterEnd:yyyy-MM-dd}), and every read returned 200.");
            }

            foreach (var problem in size.Problems)
            {
                text.AppendLine(Invariant, $"- **Problem at {size.Network.Invoices:N0} invoices:** {problem}");
            }
        }
    }

    /// <summary>
    /// States how the timed live network reads were served: from the responses' "source" property where the API sets
    /// one, and from the ledger rows PostgreSQL read for them.
    /// </summary>
    private static string DescribePath(MeasureResult size)
    {
        var sources = size.Series.Where(series => series.Name == LiveNetwork).SelectMany(series => series.Sources).Distinct().Order(StringComparer.Ordinal).ToList();
        var live = size.LedgerRowsPerRead.GetValueOrDefault(LiveNetwork);
        var past = size.LedgerRowsPerRead.GetValueOrDefault(PastQuarter);
        var rows = $"PostgreSQL read {live:N0} rows of receivables_ledger per live network read and {past:N0} per past-quarter read";
        if (sources is ["live"])
        {
            return $"every timed live network response had source \"live\", so the running totals kept by the grains served them. {rows}.";
        }

        if (sources.Contains("ledger"))
        {
            return $"timed live network responses had source {string.Join(" and ", sources.Select(source => $"\"{source}\""))}, so the API computed at least some of them from the ledger with SQL. {rows}.";
        }

        return live >= 1
            ? $"the API sets no \"source\" in its responses on this commit. {rows}, so the live figures were computed from the ledger with SQL on every request, not served from running totals."
            : $"the API sets no \"source\" in its responses on this commit. {rows}, so the live reads were served without reading the ledger.";
    }

    private static string Sources(IReadOnlyList<MeasureResult> sizes, string name) => string.Join(
        " and ",
        sizes.SelectMany(size => size.Series).Where(series => series.Name == name).SelectMany(series => series.Sources).Distinct().Order(StringComparer.Ordinal).Select(source => $"\"{source}\""));

    private static string WarmupCounts(MeasureResult size) =>
        $"{size.Network.Invoices:N0} invoices: {string.Join(", ", size.WarmupReadCounts.Select(pair => $"{pair.Value} {pair.Key}"))}";

    /// <summary>States the ratio of the larger size's median latency to the smaller's, and whether it meets <see cref="LiveRatioTarget"/> or by how much it misses.</summary>
    private static string AgainstTarget(MeasureResult larger, MeasureResult smaller, string name, Func<SeriesResult, long> figure)
    {
        var denominator = Median(smaller, name, figure);
        if (!(denominator > 0))
        {
            return "undefined";
        }

        var ratio = Median(larger, name, figure) / denominator;
        return ratio <= LiveRatioTarget
            ? $"ratio {ratio.ToString("F2", Invariant)} (met)"
            : $"ratio {ratio.ToString("F2", Invariant)} (missed by {((ratio / LiveRatioTarget - 1) * 100).ToString("F0", Invariant)} %)";
    }

    private static string Ratio(MeasureResult larger, MeasureResult smaller, string name, Func<SeriesResult, long> figure)
    {
        var denominator = Median(smaller, name, figure);
        return denominator <= 0 ? "undefined" : (Median(larger, name, figure) / denominator).ToString("F2", Invariant);
    }

    private static double Median(MeasureResult size, string name, Func<SeriesResult, long> figure) =>
        Median(size.Series.Where(series => series.Name == name).Select(series => (double)figure(series)).ToList());

    private static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Spread(IReadOnlyList<SeriesResult> rounds, Func<SeriesResult, long> figure)
    {
        var values = rounds.Select(series => (double)figure(series)).ToList();
        var median = Milliseconds(Median(values));
        return values.Count == 1 ? median : $"{median} ({Milliseconds(values.Min())} to {Milliseconds(values.Max())})";
    }

    /// <summary>Formats microseconds as milliseconds: one decimal below 100 ms, none above.</summary>
    private static string Milliseconds(double microseconds)
    {
        var milliseconds = microseconds / 1000.0;
        return milliseconds.ToString(milliseconds < 100 ? "N1" : "N0", Invariant);
    }

    private static string Seconds(MeasureResult size, string name) =>
        size.FirstReadSeconds.TryGetValue(name, out var seconds) ? seconds.ToString("F2", Invariant) : "not measured";

    private static string MiB(long bytes) => (bytes / 1048576.0).ToString("N0", Invariant);
}
