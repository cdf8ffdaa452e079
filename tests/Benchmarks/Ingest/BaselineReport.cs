using System.Globalization;
using System.Text;

namespace TermSync.Benchmarks.Ingest;

/// <summary>Renders the baselines, the ratios to TermSync with the targets, and the pg_stat_statements profile as Markdown.</summary>
public static class BaselineReport
{
    /// <summary>Invoices per second that TermSync must sustain for at least a minute.</summary>
    public const double TargetInvoicesPerSecond = 10_000;

    /// <summary>Minimum TermSync ÷ COPY ratio: one fifth of the floor set by the database.</summary>
    public const double TargetCopyRatio = 0.2;

    /// <summary>Minimum TermSync ÷ naive ratio.</summary>
    public const double TargetNaiveRatio = 3;

    /// <summary>Maximum length of a statement text in the profile table. Longer text is cut and ends with "…".</summary>
    private const int MaxStatementLength = 90;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Appends the baseline rounds, the comparison with the measured TermSync rounds and the targets.</summary>
    public static void AppendBaselines(StringBuilder text, IReadOnlyList<RoundResult> termSyncRounds, BaselineResult baselines, int senders)
    {
        text.AppendLine(Invariant, $"Baselines on the same invoices under the same invoice numbers, run after the API rounds and their checks while the API was idle. COPY writes each batch with one binary COPY into a plain table with a primary key on (vendor, invoice number), {senders} batches at once, as many as the API had in flight. The naive way stores each invoice in its own grain with one WriteStateAsync through the ADO.NET grain storage. It uses the SQL and binary serializer of the TermSync silo, from a silo in the driver process under its own service id. It keeps {baselines.NaiveConcurrency} grain calls in flight: {senders} batches at a time of up to 1,000 grain calls each, as the API makes them. These calls carry no HTTP request and no JSON. The naive silo's connection pool holds at most {baselines.NaivePoolSize} connections (Npgsql's default is 100), because the idle API keeps its own connections open under the server's max_connections.");
        text.AppendLine();
        text.AppendLine("| round | COPY seconds | COPY invoices/s | naive seconds | naive invoices/s |");
        text.AppendLine("|---|--:|--:|--:|--:|");
        foreach (var (copy, naive) in baselines.Copy.Zip(baselines.Naive))
        {
            var name = copy.Measured ? copy.Name : $"{copy.Name} (not counted)";
            text.AppendLine(Invariant, $"| {name} | {copy.Elapsed.TotalSeconds:F2} | {copy.InvoicesPerSecond:N0} | {naive.Elapsed.TotalSeconds:F1} | {naive.InvoicesPerSecond:N0} |");
        }

        var measured = termSyncRounds.Where(round => round.Measured).ToList();
        var copyMeasured = baselines.Copy.Where(round => round.Measured).ToList();
        var naiveMeasured = baselines.Naive.Where(round => round.Measured).ToList();
        var termSync = Spread.Of([.. measured.Select(round => round.InvoicesPerSecond)]);
        var copySpread = Spread.Of([.. copyMeasured.Select(round => round.InvoicesPerSecond)]);
        var naiveSpread = Spread.Of([.. naiveMeasured.Select(round => round.InvoicesPerSecond)]);
        var copyRatios = measured.Zip(copyMeasured, (ours, theirs) => ours.InvoicesPerSecond / theirs.InvoicesPerSecond).ToList();
        var naiveRatios = measured.Zip(naiveMeasured, (ours, theirs) => ours.InvoicesPerSecond / theirs.InvoicesPerSecond).ToList();

        text.AppendLine();
        text.AppendLine(Invariant, $"Invoices per second over the {termSync.Count} measured rounds of each way:");
        text.AppendLine();
        text.AppendLine("| way | mean | standard deviation | min | max | TermSync ÷ this, ratio of means | TermSync ÷ this, per round |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|");
        AppendSpread(text, "TermSync REST API", termSync, "", "");
        AppendSpread(text, "binary COPY (floor)", copySpread, Ratio(termSync.Mean / copySpread.Mean), $"{Ratio(copyRatios.Min())} to {Ratio(copyRatios.Max())}");
        AppendSpread(text, "naive WriteStateAsync", naiveSpread, Ratio(termSync.Mean / naiveSpread.Mean), $"{Ratio(naiveRatios.Min())} to {Ratio(naiveRatios.Max())}");

        var measuredSeconds = measured.Sum(round => round.Elapsed.TotalSeconds);
        text.AppendLine();
        text.AppendLine("| target | measured | result |");
        text.AppendLine("|---|--:|---|");
        text.AppendLine(Invariant, $"| at least {TargetInvoicesPerSecond:N0} invoices/s sustained for a minute | {termSync.Mean:N0} invoices/s over {measuredSeconds:N1} s | {RateResult(termSync.Mean, measuredSeconds)} |");
        text.AppendLine(Invariant, $"| TermSync ÷ COPY at least {TargetCopyRatio:0.0#} | {Ratio(termSync.Mean / copySpread.Mean)} | {RatioResult(termSync.Mean / copySpread.Mean, TargetCopyRatio)} |");
        text.AppendLine(Invariant, $"| TermSync ÷ naive at least {TargetNaiveRatio:0.#} | {Ratio(termSync.Mean / naiveSpread.Mean)} | {RatioResult(termSync.Mean / naiveSpread.Mean, TargetNaiveRatio)} |");
    }

    /// <summary>Appends the statements with the most execution time during the measured TermSync rounds.</summary>
    public static void AppendStatements(StringBuilder text, StatementProfile profile)
    {
        if (profile.Unavailable is not null)
        {
            text.AppendLine(Invariant, $"PostgreSQL statements during the measured rounds: not recorded, because {profile.Unavailable}");
            return;
        }

        text.AppendLine(Invariant, $"PostgreSQL statements with the most execution time during the measured rounds, from pg_stat_statements ({profile.AllMilliseconds / 1000:N1} s of execution time in all statements, planning excluded):");
        text.AppendLine();
        text.AppendLine("| statement | calls | mean ms | share of execution time |");
        text.AppendLine("|---|--:|--:|--:|");
        foreach (var statement in profile.Top)
        {
            var share = profile.AllMilliseconds > 0 ? statement.TotalMilliseconds / profile.AllMilliseconds : 0;
            text.AppendLine(Invariant, $"| `{Shorten(statement.Query)}` | {statement.Calls:N0} | {statement.MeanMilliseconds:N2} | {share:P0} |");
        }
    }

    private static void AppendSpread(StringBuilder text, string way, Spread spread, string ratioOfMeans, string ratioRange) =>
        text.AppendLine(Invariant, $"| {way} | {spread.Mean:N0} | {spread.Deviation:N0} ({spread.Deviation / spread.Mean:P0}) | {spread.Min:N0} | {spread.Max:N0} | {ratioOfMeans} | {ratioRange} |");

    /// <summary>Formats a ratio with four significant digits, so ratios far below 1 keep their digits.</summary>
    private static string Ratio(double ratio) => ratio.ToString("G4", Invariant);

    // The target is a rate sustained for a minute, so measured rounds of less than a minute in all can neither meet nor miss it.
    private static string RateResult(double mean, double seconds) => (seconds >= 60, mean >= TargetInvoicesPerSecond) switch
    {
        (false, _) => "too short to judge: the measured rounds last less than a minute in all; run more or larger rounds",
        (true, true) => "met",
        (true, false) => string.Format(Invariant, "missed: {0:P1} of the target, a factor of {1:N1} short", mean / TargetInvoicesPerSecond, TargetInvoicesPerSecond / mean),
    };

    private static string RatioResult(double ratio, double target) => ratio >= target
        ? "met"
        : string.Format(Invariant, "missed: TermSync needs {0:N1} times its throughput", target / ratio);

    private static string Shorten(string query)
    {
        var escaped = query.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
        return escaped.Length <= MaxStatementLength ? escaped : escaped[..(MaxStatementLength - 1)] + "…";
    }
}
