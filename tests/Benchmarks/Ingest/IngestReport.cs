using System.Globalization;
using System.Text;
using HdrHistogram;

namespace TermSync.Benchmarks.Ingest;

/// <summary>The figures of one benchmark run and the checks on them, rendered as Markdown.</summary>
/// <param name="InvoicesLeftOut">Generated invoices per round that did not fill a batch and were not sent.</param>
/// <param name="Retries">Batch requests that the client sent again after a transport error, a timeout or a 5xx status.</param>
/// <param name="LoadAtStart">1, 5 and 15 minute load averages when the first round started.</param>
/// <param name="LoadAtEnd">The same after the last round.</param>
/// <param name="Baselines">COPY and naive grain-write rounds on the same invoices, or null when they did not run.</param>
/// <param name="Statements">PostgreSQL statements with the most execution time during the measured rounds.</param>
public sealed record IngestReport(
    IngestOptions Options,
    int InvoicesPerRound,
    int InvoicesLeftOut,
    IReadOnlyList<RoundResult> Rounds,
    long Retries,
    string LoadAtStart,
    string LoadAtEnd,
    VerificationResult Verification,
    BaselineResult? Baselines,
    StatementProfile Statements)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Problems that make the figures invalid: rejected invoices, invoices that were not new, failed read-backs, or
    /// baseline tables that do not contain exactly the invoices their rounds stored.
    /// </summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            var problems = new List<string>();
            var rejected = Rounds.Sum(round => round.Rejected);
            var notNew = Rounds.Sum(round => round.Updated + round.Unchanged);
            if (rejected > 0)
            {
                problems.Add($"The API rejected {rejected} invoices; a benchmark of creates expects none.");
            }

            if (notNew > 0)
            {
                problems.Add($"{notNew} invoices were stored before the round that sent them, so that round did not measure creates; start from an empty database.");
            }

            problems.AddRange(Verification.Failures);
            if (Baselines is not null && Baselines.CopyRows != Baselines.CopyInvoices)
            {
                problems.Add($"The COPY table contains {Baselines.CopyRows} rows but the COPY rounds wrote {Baselines.CopyInvoices} invoices.");
            }

            if (Baselines is not null && Baselines.NaiveRows != Baselines.NaiveInvoices)
            {
                problems.Add($"orleans_grain_state contains {Baselines.NaiveRows} naive invoice rows but the naive rounds stored {Baselines.NaiveInvoices} invoices.");
            }

            return problems;
        }
    }

    /// <summary>Renders the figures, the network and the checks as Markdown.</summary>
    public string ToMarkdown()
    {
        var measured = Rounds.Where(round => round.Measured).ToList();
        var throughput = Spread.Of([.. measured.Select(round => round.InvoicesPerSecond)]);
        var latency = new LongHistogram(1, 600_000_000, 3);
        foreach (var round in measured)
        {
            latency.Add(round.LatencyMicroseconds);
        }

        var text = new StringBuilder();
        text.AppendLine("| round | invoices | batches | seconds | invoices/s | batch p50 ms | batch p99 ms | batch max ms |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var round in Rounds)
        {
            var name = round.Measured ? round.Name : $"{round.Name} (not counted)";
            text.AppendLine(Invariant, $"| {name} | {round.Acknowledged:N0} | {round.Batches} | {round.Elapsed.TotalSeconds:F1} | {round.InvoicesPerSecond:N0} | {Milliseconds(round.LatencyMicroseconds, 50)} | {Milliseconds(round.LatencyMicroseconds, 99)} | {Milliseconds(round.LatencyMicroseconds, 100)} |");
        }

        text.AppendLine();
        text.AppendLine(Invariant, $"- **Throughput over {throughput.Count} measured round{(throughput.Count == 1 ? "" : "s")}: mean {throughput.Mean:N0} invoices/s**, standard deviation {throughput.Deviation:N0} ({throughput.Deviation / throughput.Mean:P0}), min {throughput.Min:N0}, max {throughput.Max:N0}.");
        text.AppendLine(Invariant, $"- **Batch latency over the {latency.TotalCount} measured batches: p50 {Milliseconds(latency, 50)} ms, p99 {Milliseconds(latency, 99)} ms**, max {Milliseconds(latency, 100)} ms. With fewer than 100 batches, p99 is one of the two highest latencies.");
        text.AppendLine(Invariant, $"- Network: seed {Options.Network.Seed}, {Options.Network.Vendors} vendors, {Options.Network.Customers:N0} customers, {Options.Network.InvoicesPerPair} invoices per vendor and customer pair. Each round sends {InvoicesPerRound:N0} invoices in batches of {Options.BatchSize:N0} invoices of one vendor, {Options.Senders} batches in flight. The {InvoicesLeftOut:N0} generated invoices that fill no batch are not sent.");
        text.AppendLine(Invariant, $"- Load average (1, 5, 15 min) when the first round started: {LoadAtStart}; after the last round: {LoadAtEnd}.");
        text.AppendLine();
        text.AppendLine("Checks after the rounds:");
        text.AppendLine();
        text.AppendLine(Invariant, $"- Outcomes over all rounds: {Rounds.Sum(round => round.Created):N0} created, {Rounds.Sum(round => round.Updated)} updated, {Rounds.Sum(round => round.Unchanged)} unchanged, {Rounds.Sum(round => round.Rejected)} rejected.");
        text.AppendLine(Invariant, $"- Batch requests retried by the client: {Retries}.");
        text.AppendLine(Invariant, $"- Read back: {Verification.SamplesMatching} of {Verification.Samples} randomly sampled acknowledged invoices returned 200 with the amount that was sent.");
        text.AppendLine(Invariant, $"- Vendor figures: {Verification.VendorsMatching} of {Verification.Vendors} vendors count exactly the invoices acknowledged for them ({Rounds.Sum(round => round.Acknowledged):N0} in all).");
        if (Baselines is not null)
        {
            text.AppendLine(Invariant, $"- Baseline rows: the COPY table contains {Baselines.CopyRows:N0} rows for {Baselines.CopyInvoices:N0} copied invoices, and orleans_grain_state {Baselines.NaiveRows:N0} naive invoice rows for {Baselines.NaiveInvoices:N0} stored ones.");
        }

        foreach (var problem in Problems)
        {
            text.AppendLine(Invariant, $"- **Problem:** {problem}");
        }

        if (Baselines is not null)
        {
            text.AppendLine();
            text.AppendLine("### Baselines in the same run");
            text.AppendLine();
            BaselineReport.AppendBaselines(text, Rounds, Baselines, Options.Senders);
        }

        text.AppendLine();
        text.AppendLine("### PostgreSQL statements during the API rounds");
        text.AppendLine();
        BaselineReport.AppendStatements(text, Statements);
        return text.ToString();
    }

    private static string Milliseconds(HistogramBase microseconds, double percentile) =>
        (microseconds.GetValueAtPercentile(percentile) / 1000.0).ToString("N0", Invariant);
}
