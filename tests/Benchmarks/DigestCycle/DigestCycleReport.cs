using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using TermSync.Grains.Digests;

namespace TermSync.Benchmarks.DigestCycle;

/// <summary>The figures of one digest-cycle benchmark run and the checks on them, rendered as Markdown.</summary>
/// <param name="AfterSeeding">Memory after seeding, read after a full blocking garbage collection.</param>
/// <param name="Activations">Grain activations in the silo after seeding.</param>
/// <param name="CollectionAge">How long a grain may stay idle before the silo deactivates it.</param>
/// <param name="Cycles">Every timed cycle in order: round 1 first and repeated, round 2 first and repeated, and so on.</param>
/// <param name="Outboxes">The outbox after the first cycle of each round.</param>
/// <param name="PeakWorkingSetBytes">Peak working set of the process over the whole run, seeding included.</param>
/// <param name="LoadAtStart">1, 5 and 15 minute load averages when the first round started.</param>
/// <param name="LoadAtEnd">The same after the last round.</param>
/// <param name="Problems">Failed checks; the figures are invalid unless this is empty.</param>
public sealed record DigestCycleReport(
    DigestCycleOptions Options,
    SeedResult Seed,
    MemorySnapshot AfterSeeding,
    int Activations,
    TimeSpan CollectionAge,
    IReadOnlyList<CycleMeasurement> Cycles,
    IReadOnlyList<OutboxScan> Outboxes,
    long PeakWorkingSetBytes,
    string LoadAtStart,
    string LoadAtEnd,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    IReadOnlyList<string> Problems)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Renders the figures, the workload, the versions and the checks as Markdown.</summary>
    public string ToMarkdown()
    {
        var first = Cycles.Where(cycle => cycle.Name == "first").ToList();
        var repeated = Cycles.Where(cycle => cycle.Name == "repeated").ToList();
        var text = new StringBuilder();

        text.AppendLine("| round | cycle | as of | seconds | customers/s | CPU seconds | peak working set MiB | peak managed heap MiB | gen 2 GCs | activations at start |");
        text.AppendLine("|---|---|---|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var cycle in Cycles)
        {
            text.AppendLine(Invariant, $"| {cycle.Round} | {cycle.Name} | {cycle.AsOf:yyyy-MM-dd} | {cycle.Elapsed.TotalSeconds:F1} | {cycle.CustomersPerSecond:N0} | {cycle.ProcessorTime.TotalSeconds:F1} | {MiB(cycle.Peak.WorkingSetBytes)} | {MiB(cycle.Peak.ManagedHeapBytes)} | {cycle.FullCollections} | {cycle.ActivationsBefore:N0} |");
        }

        text.AppendLine();
        if (first.Count > 0)
        {
            text.AppendLine(Invariant, $"- **First cycle ({Options.Customers:N0} digests sent) over {Count(first.Count, "round")}: {Spread(first, cycle => cycle.Elapsed.TotalSeconds, "F1")} s**, {Spread(first, cycle => cycle.CustomersPerSecond, "N0")} customers/s, {Spread(first, cycle => cycle.ProcessorTime.TotalSeconds, "F1")} CPU seconds.");
            text.AppendLine(Invariant, $"- **Repeated cycle (nothing sent) over {Count(repeated.Count, "round")}: {Spread(repeated, cycle => cycle.Elapsed.TotalSeconds, "F1")} s**, {Spread(repeated, cycle => cycle.ProcessorTime.TotalSeconds, "F1")} CPU seconds.");
            text.AppendLine(Invariant, $"- **Peak working set during a first cycle: {Spread(first, cycle => cycle.Peak.WorkingSetBytes / 1048576.0, "N0")} MiB**; peak managed heap {Spread(first, cycle => cycle.Peak.ManagedHeapBytes / 1048576.0, "N0")} MiB. Peak working set of the process over the whole run, seeding included: {MiB(PeakWorkingSetBytes)} MiB.");
            text.AppendLine("- Spreads read median (min to max). Memory is sampled every 200 ms during each cycle; a full blocking garbage collection runs before each cycle, outside the timing.");
        }

        text.AppendLine(Invariant, $"- **Memory after seeding**, after a full blocking garbage collection: working set {MiB(AfterSeeding.WorkingSetBytes)} MiB, managed heap {MiB(AfterSeeding.ManagedHeapBytes)} MiB, committed by the GC {MiB(AfterSeeding.CommittedBytes)} MiB, with {Activations:N0} grain activations.");
        text.AppendLine(Invariant, $"- Seeding, not part of the cycle figures: {Seed.Vendors} vendors registered, then {Seed.InvoicesCreated:N0} invoices of {Seed.Customers:N0} customers issued through `IInvoiceGrain.IssueAsync` in {Seed.Elapsed.TotalSeconds:F1} s ({Seed.InvoicesPerSecond:N0} invoices/s), {Options.SeedConcurrency} customers at a time.");
        if (Outboxes.Count > 0)
        {
            var outbox = Outboxes[0];
            text.AppendLine(Invariant, $"- Digests of round 1: {outbox.HtmlFiles:N0} HTML files of {outbox.HtmlBytes / Math.Max(1, outbox.HtmlFiles):N0} bytes on average and {outbox.TextFiles:N0} plain-text files of {outbox.TextBytes / Math.Max(1, outbox.TextFiles):N0} bytes. Renderer: {Renderer()}.");
        }

        text.AppendLine(Invariant, $"- Workload: {Options.Customers:N0} customers with {DigestCycleOptions.InvoicesPerCustomer} open USD invoices each, billed by {DigestCycleOptions.Vendors} vendors in turn, so every digest covers 3 vendors. In round 1, 2 of the 5 invoices are past due; each later round is 7 days later, so one more is. Every customer has a mailbox, so every digest is delivered.");
        text.AppendLine(Invariant, $"- Rounds: round n runs as of {Options.AsOf:yyyy-MM-dd} plus 7 × (n − 1) days, a new weekly period, in the same silo without reseeding. Its first cycle sends every customer that week's digest; the repeated cycle runs the same date again and must find every digest already sent. The outbox is moved aside after each round, so every round starts from an empty one.");
        text.AppendLine(Invariant, $"- Activations: the silo deactivates a grain after {CollectionAge.TotalMinutes:N0} idle minutes (Orleans `GrainCollectionOptions.CollectionAge`), so a weekly cycle finds its customers' grains deactivated. Before each first cycle the driver therefore deactivates every idle grain with `IManagementGrain.ForceActivationCollection`. The cycle then activates every grain it calls (directory shards, customers, their digest and survey grains, and vendors) and reads its state from storage. It calls no invoice grain, because each customer's statement carries the balances of its open invoices. The repeated cycle follows at once and finds them active. Only the grains marked `[KeepAlive]`, such as the in-memory storage grains, stay active throughout.");
        text.AppendLine(Invariant, $"- Software: {RuntimeInformation.FrameworkDescription}, Orleans {OrleansVersion()}, {(GCSettings.IsServerGC ? "server" : "workstation")} garbage collector ({GCSettings.LatencyMode}).");
        text.AppendLine(Invariant, $"- Run: {StartedAt:yyyy-MM-dd HH:mm} to {EndedAt:HH:mm} UTC. Load average (1, 5, 15 min) when the first round started: {LoadAtStart}; after the last round: {LoadAtEnd}.");
        if (CrossesReminderTime())
        {
            text.AppendLine("- NOTE: the run spans 08:00 UTC, when every customer's reminder wakes its digest grain to check the schedule, so that load may have slowed a cycle.");
        }

        text.AppendLine();
        text.AppendLine("Checks after each cycle:");
        text.AppendLine();
        if (Problems.Count == 0)
        {
            text.AppendLine(Invariant, $"- First cycles: each visited {Options.Customers:N0} customers and sent {Options.Customers:N0} digests, the widest covering 3 vendors and 5 invoices, and the outbox then held {Options.Customers:N0} HTML files of that week and {Options.Customers:N0} plain-text files.");
            text.AppendLine(Invariant, $"- Repeated cycles: each found {Options.Customers:N0} digests already sent and sent none.");
        }

        foreach (var problem in Problems)
        {
            text.AppendLine(Invariant, $"- **Problem:** {problem}");
        }

        return text.ToString();
    }

    /// <summary>Returns whether an 08:00 UTC, the default local time of the customers' digest checks, falls within the run.</summary>
    private bool CrossesReminderTime()
    {
        var next = new DateTimeOffset(StartedAt.UtcDateTime.Date.AddHours(8), TimeSpan.Zero);
        if (next < StartedAt)
        {
            next = next.AddDays(1);
        }

        return next <= EndedAt;
    }

    private static string Spread(IReadOnlyList<CycleMeasurement> cycles, Func<CycleMeasurement, double> figure, string format)
    {
        var values = cycles.Select(figure).Order().ToList();
        var middle = values.Count / 2;
        var median = values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        return values.Count == 1
            ? median.ToString(format, Invariant)
            : $"{median.ToString(format, Invariant)} ({values[0].ToString(format, Invariant)} to {values[^1].ToString(format, Invariant)})";
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string MiB(long bytes) => (bytes / 1048576.0).ToString("N0", Invariant);

    /// <summary>Returns the package version of the loaded Orleans runtime, such as "10.4.2", without the commit hash that follows it.</summary>
    private static string OrleansVersion()
    {
        var version = typeof(Grain).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        var match = Regex.Match(version, @"^\d+(\.\d+)*(-[0-9A-Za-z.-]*[0-9A-Za-z])?");
        return match.Success ? match.Value : "unknown";
    }

    /// <summary>Returns which digest renderer the silo ran: Liquid templates embedded in the grains assembly, or the placeholder without templates.</summary>
    private static string Renderer()
    {
        const string prefix = "TermSync.Grains.Digests.Templates.";
        var templates = typeof(DigestRenderer).Assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".liquid", StringComparison.Ordinal))
            .Select(name => name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name)
            .Order(StringComparer.Ordinal)
            .ToList();
        return templates.Count > 0 ? $"Liquid templates ({string.Join(", ", templates)})" : "the placeholder without templates";
    }
}
