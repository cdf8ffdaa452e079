using System.Globalization;
using System.Text;
using TermSync.Benchmarks.Metrics;

namespace TermSync.Benchmarks.Statement;

/// <summary>Renders a <see cref="StatementResult"/> as Markdown: the data, latency per round, the SQL/live ratio, the targets and the checks.</summary>
public static class StatementReport
{
    /// <summary>Statement read p99 must stay under this many milliseconds at 1 million invoices.</summary>
    public const double TargetP99Milliseconds = 5;

    /// <summary>The live read's p50 must be at least this many times faster than the SQL query's.</summary>
    public const double TargetP50Ratio = 10;

    private const string Live = "live";
    private const string Sql = "sql";
    private const string Profile = "vendor-profile";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string ToMarkdown(StatementResult result)
    {
        var text = new StringBuilder();
        AppendData(text, result);
        AppendLatency(text, result);
        AppendSummary(text, result);
        AppendChecks(text, result);
        return text.ToString();
    }

    private static void AppendData(StringBuilder text, StatementResult result)
    {
        var table = result.Table;
        text.AppendLine("Data:");
        text.AppendLine();
        text.AppendLine(Invariant, $"- SQL side: {table.Rows:N0} invoices of {result.Vendors} vendors in the `invoices` table: the target customer's {StatementNetwork.TargetInvoiceCount} and {table.Rows - StatementNetwork.TargetInvoiceCount:N0} of {result.OtherCustomers:N0} other customers, generated with seed {result.Seed}. Of the other invoices, 70 % are paid, 4 % void or written off and 26 % open, some of them partly paid or disputed. Binary COPY {table.CopySeconds:F1} s, primary key and partial index {table.IndexSeconds:F1} s, `VACUUM (ANALYZE)` {table.VacuumSeconds:F1} s; table {MiB(table.TableBytes)} MiB, partial index of open invoices {MiB(table.IndexBytes)} MiB.");
        text.AppendLine(Invariant, $"- TermSync side: only the target customer's {StatementNetwork.TargetInvoiceCount} invoices, pushed through `POST /vendors/{{vendorId}}/invoices/batch` for its {StatementNetwork.TargetVendorCount} registered vendors in {result.ApiLoadSeconds:F1} s. The other {table.Rows - StatementNetwork.TargetInvoiceCount:N0} invoices exist only in the SQL table.");
        text.AppendLine(Invariant, $"- Statement of customer `{result.CustomerId}` as of {result.AsOf:yyyy-MM-dd}: {StatementNetwork.TargetInvoiceCount} open invoices of {StatementNetwork.TargetVendorCount} vendors, {StatementNetwork.TargetInvoicesPerVendor} each.");
        text.AppendLine();
        text.AppendLine("| currency | open invoices | open amount | past due | disputed |");
        text.AppendLine("|---|--:|--:|--:|--:|");
        foreach (var total in result.Totals)
        {
            text.AppendLine(Invariant, $"| {total.Currency} | {total.OpenCount} | {total.OpenAmount:N2} | {total.PastDueAmount:N2} | {total.DisputedAmount:N2} |");
        }

        text.AppendLine();
    }

    private static void AppendLatency(StringBuilder text, StatementResult result)
    {
        text.AppendLine("Latency of sequential reads in milliseconds, per round, and as median (min to max) over the rounds:");
        text.AppendLine();
        text.AppendLine("| round | read | reads | p50 ms | p90 ms | p99 ms | max ms | mean ms |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|");
        foreach (var series in result.Series.OrderBy(series => series.Name, StringComparer.Ordinal).ThenBy(series => series.Round))
        {
            text.AppendLine(Invariant, $"| {series.Round} | {series.Name} | {series.Reads} | {Milliseconds(series.P50)} | {Milliseconds(series.P90)} | {Milliseconds(series.P99)} | {Milliseconds(series.Max)} | {Milliseconds(series.Mean)} |");
        }

        foreach (var name in new[] { Live, Sql, Profile })
        {
            var rounds = Rounds(result, name);
            if (rounds.Count > 0)
            {
                text.AppendLine(Invariant, $"| all | {name} | {rounds.Sum(series => series.Reads)} | {Spread(rounds, series => series.P50)} | {Spread(rounds, series => series.P90)} | {Spread(rounds, series => series.P99)} | {Spread(rounds, series => series.Max)} | {Spread(rounds, series => series.Mean)} |");
            }
        }

        text.AppendLine();
    }

    private static void AppendSummary(StringBuilder text, StatementResult result)
    {
        var live = Rounds(result, Live);
        var sql = Rounds(result, Sql);
        if (live.Count == 0 || sql.Count == 0)
        {
            text.AppendLine("No round ran, because a check failed before the rounds.");
            text.AppendLine();
            return;
        }

        var liveP50 = Median(live, series => series.P50);
        var liveP99 = Median(live, series => series.P99);
        var sqlP50 = Median(sql, series => series.P50);
        var sqlP99 = Median(sql, series => series.P99);
        var p50Ratio = sqlP50 / liveP50;
        var p99Ratio = sqlP99 / liveP99;
        var roundRatios = live.Zip(sql).Select(pair => pair.Second.P50 / (double)pair.First.P50).ToList();

        text.AppendLine(Invariant, $"- **SQL / live at p50: {p50Ratio:F2}** (per round {string.Join(", ", roundRatios.Select(ratio => ratio.ToString("F2", Invariant)))}); **at p99: {p99Ratio:F2}**. Medians over the rounds: live p50 {Milliseconds(liveP50)} ms and p99 {Milliseconds(liveP99)} ms; SQL p50 {Milliseconds(sqlP50)} ms and p99 {Milliseconds(sqlP99)} ms.");
        var worstLiveP99 = live.Max(series => series.P99) / 1000.0;
        var bestLiveP99 = live.Min(series => series.P99) / 1000.0;
        var roundsUnderTarget = live.Count(series => series.P99 / 1000.0 < TargetP99Milliseconds);
        text.AppendLine(liveP99 / 1000.0 < TargetP99Milliseconds
            ? string.Create(Invariant, $"- Target statement read p99 under {TargetP99Milliseconds:F0} ms at {result.Invoices:N0} invoices: **met** at the median over the rounds, median p99 {Milliseconds(liveP99)} ms ({liveP99 / 1000.0 / TargetP99Milliseconds:P0} of the target). Per round the p99 ranged from {bestLiveP99:F2} to {worstLiveP99:F2} ms, under the target in {roundsUnderTarget} of {live.Count} rounds.")
            : string.Create(Invariant, $"- Target statement read p99 under {TargetP99Milliseconds:F0} ms at {result.Invoices:N0} invoices: **missed** by {liveP99 / 1000.0 - TargetP99Milliseconds:F2} ms (median p99 {Milliseconds(liveP99)} ms, {liveP99 / 1000.0 / TargetP99Milliseconds:F1} times the target). Per round the p99 ranged from {bestLiveP99:F2} to {worstLiveP99:F2} ms, under the target in {roundsUnderTarget} of {live.Count} rounds."));
        text.AppendLine(p50Ratio >= TargetP50Ratio
            ? string.Create(Invariant, $"- Target live read at least {TargetP50Ratio:F0} times faster than SQL at p50: **met**, {p50Ratio:F2} times.")
            : string.Create(Invariant, $"- Target live read at least {TargetP50Ratio:F0} times faster than SQL at p50: **missed**, {p50Ratio:F2} times instead of {TargetP50Ratio:F0} ({p50Ratio / TargetP50Ratio:P0} of the target){(p50Ratio < 1 ? "; the SQL query was faster" : "")}."));
        var profile = Rounds(result, Profile);
        if (profile.Count > 0)
        {
            var profileP50 = Median(profile, series => series.P50);
            text.AppendLine(Invariant, $"- `GET /vendors/{{vendorId}}` in the same rounds (vendor-profile: one grain call and a small JSON response, against the statement's {result.StatementBytes:N0} bytes): p50 {Milliseconds(profileP50)} ms, p99 {Milliseconds(Median(profile, series => series.P99))} ms. HTTP, authentication and one grain call alone take {profileP50 / liveP50:P0} of the live read's p50. A live read {TargetP50Ratio:F0} times faster than the SQL read at p50 would take {Milliseconds(sqlP50 / TargetP50Ratio)} ms, {(sqlP50 / TargetP50Ratio < profileP50 ? "less than this floor of an API request" : "more than this floor of an API request")}.");
        }

        if (result.RowsReadDuringLive is { } rows)
        {
            text.AppendLine(Invariant, $"- PostgreSQL read {rows:N0} {(rows == 1 ? "row" : "rows")} from all user tables, by sequential scans and index fetches (`pg_stat_user_tables`), while round 1's {live[0].Reads} API reads ran ({live[0].Elapsed.TotalSeconds:F1} s), the silo's own periodic queries included.");
        }

        text.AppendLine(Invariant, $"- Not counted: the first read of each kind, then {result.WarmupReads} more of each. The first live read took {Milliseconds(result.FirstLiveMicroseconds)} ms, although the push before it had already activated the customer grain, and the first SQL read {Milliseconds(result.FirstSqlMicroseconds)} ms.");
        if (live.Any(series => series.Reads < 100))
        {
            text.AppendLine("- With fewer than 100 reads in a round, p99 is one of its two highest latencies.");
        }
        text.AppendLine(Invariant, $"- Run: {result.StartedAt:yyyy-MM-dd HH:mm} to {result.EndedAt:HH:mm} UTC; load average (1, 5, 15 min) when the driver started {result.LoadAtStart}, after the last round {result.LoadAtEnd}.");
        text.AppendLine();
    }

    private static void AppendChecks(StringBuilder text, StatementResult result)
    {
        text.AppendLine("Checks:");
        text.AppendLine();
        if (result.Problems.Count == 0)
        {
            text.AppendLine(Invariant, $"- Before the warm-up and after the last round, the API and the SQL query returned the same {StatementNetwork.TargetInvoiceCount} invoices in the same order, compared by vendor, number, currency, amount, open and disputed amounts, issue and due dates.");
            text.AppendLine("- Both returned the same totals per currency for each vendor and for the statement, and the API returned exactly the generated invoices of the target customer.");
        }

        foreach (var problem in result.Problems)
        {
            text.AppendLine(Invariant, $"- **Problem:** {problem}");
        }

        text.AppendLine();
        text.AppendLine("Plans of the two SQL queries after the rounds (`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)`):");
        text.AppendLine();
        text.AppendLine("```text");
        text.AppendLine(result.Plan);
        text.AppendLine("```");
    }

    private static List<SeriesResult> Rounds(StatementResult result, string name) =>
        [.. result.Series.Where(series => series.Name == name).OrderBy(series => series.Round)];

    private static double Median(IReadOnlyList<SeriesResult> rounds, Func<SeriesResult, double> figure)
    {
        var sorted = rounds.Select(figure).Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Spread(IReadOnlyList<SeriesResult> rounds, Func<SeriesResult, double> figure)
    {
        var median = Milliseconds(Median(rounds, figure));
        return rounds.Count == 1 ? median : $"{median} ({Milliseconds(rounds.Min(figure))} to {Milliseconds(rounds.Max(figure))})";
    }

    /// <summary>Formats microseconds as milliseconds with two decimals.</summary>
    private static string Milliseconds(double microseconds) => (microseconds / 1000.0).ToString("N2", Invariant);

    private static string MiB(long bytes) => (bytes / 1048576.0).ToString("N0", Invariant);
}
