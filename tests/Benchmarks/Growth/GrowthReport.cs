using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace TermSync.Benchmarks.Growth;

/// <summary>The figures of one growth benchmark run, rendered as Markdown.</summary>
/// <param name="Empty">The silo after registering the vendors and deactivating the idle grains, before the rounds.</param>
/// <param name="Steps">Every measured step in order: for each round and size, the first and then the second invoice.</param>
/// <param name="Network">The network part, or null when a round had failures.</param>
/// <param name="CollectionAge">How long a grain may stay idle before the silo deactivates it on its own.</param>
/// <param name="Problems">Invoices that were not created; the figures are invalid unless this is empty.</param>
public sealed record GrowthReport(
    GrowthOptions Options,
    SiloMemory Empty,
    IReadOnlyList<ActivationStep> Steps,
    NetworkMeasurement? Network,
    TimeSpan CollectionAge,
    string LoadAtStart,
    string LoadAtEnd,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    IReadOnlyList<string> Problems)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Renders the steps, the per-activation figures, the network and the checks as Markdown.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        AppendSteps(text);
        AppendPerActivation(text);
        AppendNetwork(text);
        AppendRun(text);
        AppendChecks(text);
        return text.ToString();
    }

    private void AppendSteps(StringBuilder text)
    {
        text.AppendLine("| round | invoices | step | invoices/s | managed heap before MiB | after MiB | managed bytes per invoice | working set bytes per invoice | activations per invoice |");
        text.AppendLine("|--:|--:|---|--:|--:|--:|--:|--:|--:|");
        foreach (var step in Steps)
        {
            text.AppendLine(Invariant, $"| {step.Round} | {step.Size:N0} | {step.Name} | {step.Issue.InvoicesPerSecond:N0} | {MiB(step.Before.ManagedHeapBytes)} | {MiB(step.After.ManagedHeapBytes)} | {step.ManagedBytesPerInvoice:N0} | {step.WorkingSetBytesPerInvoice:N0} | {step.ActivationsPerInvoice:F2} |");
        }

        text.AppendLine();
    }

    private void AppendPerActivation(StringBuilder text)
    {
        foreach (var size in Options.Sizes)
        {
            var first = Steps.Where(step => step.Size == size && step.Name == ActivationStep.FirstInvoice).ToList();
            var second = Steps.Where(step => step.Size == size && step.Name == ActivationStep.SecondInvoice).ToList();
            if (first.Count == 0 || second.Count == 0)
            {
                continue;
            }

            var customer = first.Zip(second, (firstStep, secondStep) => firstStep.ManagedBytesPerInvoice - secondStep.ManagedBytesPerInvoice).ToList();
            text.AppendLine(Invariant, $"- **At {size:N0} customers over {Count(first.Count, "round")}: a new customer with its first invoice {Spread(first.Select(step => step.ManagedBytesPerInvoice))} bytes of managed heap, another invoice of an active customer {Spread(second.Select(step => step.ManagedBytesPerInvoice))} bytes, so the customer without its invoices {Spread(customer)} bytes.** Working set: {Spread(first.Select(step => step.WorkingSetBytesPerInvoice))} and {Spread(second.Select(step => step.WorkingSetBytesPerInvoice))} bytes.");
        }

        if (Options.Sizes.Count > 1)
        {
            var smallest = Options.Sizes.Min();
            var largest = Options.Sizes.Max();
            text.AppendLine(Invariant, $"- Linearity: bytes per invoice at {largest:N0} ÷ at {smallest:N0} customers (medians of managed heap): first invoice {SizeRatio(ActivationStep.FirstInvoice, largest, smallest)}, second invoice {SizeRatio(ActivationStep.SecondInvoice, largest, smallest)}. A ratio near 1 means the memory grows in proportion to the activations.");
        }

        text.AppendLine("- Spreads read median (min to max) over the rounds. Each figure is the growth between two readings divided by the invoices of the step, and each reading follows a full blocking compacting garbage collection. The working set includes memory the collector freed but kept, so it is less exact than the managed heap.");
    }

    private void AppendNetwork(StringBuilder text)
    {
        if (Network is not { } network)
        {
            text.AppendLine();
            return;
        }

        var invoices = (double)network.Issue.Created;
        text.AppendLine(Invariant, $"- **Network of {network.Issue.Created:N0} invoices ({Options.NetworkCustomers:N0} customers, {Options.Vendors} vendors): managed heap {MiB(network.Loaded.ManagedHeapBytes)} MiB and working set {MiB(network.Loaded.WorkingSetBytes)} MiB with its {network.Loaded.Activations:N0} activations; after deactivating the idle grains, managed heap {MiB(network.Idle.ManagedHeapBytes)} MiB and working set {MiB(network.Idle.WorkingSetBytes)} MiB with {network.Idle.Activations:N0} activations.**");
        text.AppendLine(Invariant, $"- Before the network, with the rounds' grains deactivated: managed heap {MiB(network.Before.ManagedHeapBytes)} MiB, working set {MiB(network.Before.WorkingSetBytes)} MiB, {network.Before.Activations:N0} activations. The network added {(network.Loaded.ManagedHeapBytes - network.Before.ManagedHeapBytes) / invoices:N0} bytes of managed heap per invoice while active and kept {(network.Idle.ManagedHeapBytes - network.Before.ManagedHeapBytes) / invoices:N0} bytes per invoice, or {(network.Idle.ManagedHeapBytes - network.Before.ManagedHeapBytes) / (double)Options.NetworkCustomers:N0} bytes per customer, after the deactivation. Committed by the garbage collector: {MiB(network.Before.CommittedBytes)}, {MiB(network.Loaded.CommittedBytes)} and {MiB(network.Idle.CommittedBytes)} MiB.");
        text.AppendLine(Invariant, $"- Issuing the network took {network.Issue.Elapsed.TotalSeconds:F1} s ({network.Issue.InvoicesPerSecond:N0} invoices/s, {Options.Concurrency} at a time). It wrote {network.StateWrites:N0} grain states of {MiB(network.StateBytes)} MiB in all, which the storage serialized and dropped, and appended {network.LedgerEntries:N0} ledger entries, which the ledger counted and dropped.");
        text.AppendLine();
    }

    private void AppendRun(StringBuilder text)
    {
        text.AppendLine(Invariant, $"- Silo before the rounds, with the {Options.Vendors} vendors registered and idle grains deactivated: managed heap {MiB(Empty.ManagedHeapBytes)} MiB, working set {MiB(Empty.WorkingSetBytes)} MiB, {Empty.Activations:N0} activations.");
        text.AppendLine(Invariant, $"- Deactivation: the driver calls `IManagementGrain.ForceActivationCollection(TimeSpan.Zero)` until the activation count stops falling. Without it the silo deactivates a grain after {CollectionAge.TotalMinutes:N0} idle minutes (Orleans `GrainCollectionOptions.CollectionAge`). Grains marked `[KeepAlive]`, such as the in-memory reminder table, and grains with a keep-alive timer, such as the network's live receivables, stay active.");
        text.AppendLine(Invariant, $"- Software: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} garbage collector ({GCSettings.LatencyMode}).");
        text.AppendLine(Invariant, $"- Run: {StartedAt:yyyy-MM-dd HH:mm} to {EndedAt:HH:mm} UTC. Load average (1, 5, 15 min) when the rounds started: {LoadAtStart}; at the end: {LoadAtEnd}.");
        text.AppendLine();
    }

    private void AppendChecks(StringBuilder text)
    {
        text.AppendLine("Checks:");
        text.AppendLine();
        if (Problems.Count == 0)
        {
            var network = Network is null ? "" : $", and all {Network.Issue.Created:N0} invoices of the network";
            text.AppendLine(Invariant, $"- Every invoice of every step was created{network}.");
        }

        foreach (var problem in Problems)
        {
            text.AppendLine(Invariant, $"- **Problem:** {problem}");
        }
    }

    private string SizeRatio(string name, int larger, int smaller)
    {
        var denominator = Median(Steps.Where(step => step.Size == smaller && step.Name == name).Select(step => step.ManagedBytesPerInvoice));
        var numerator = Median(Steps.Where(step => step.Size == larger && step.Name == name).Select(step => step.ManagedBytesPerInvoice));
        return denominator > 0 ? (numerator / denominator).ToString("F2", Invariant) : "undefined";
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Spread(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var median = Median(sorted).ToString("N0", Invariant);
        return sorted.Count == 1 ? median : $"{median} ({sorted[0].ToString("N0", Invariant)} to {sorted[^1].ToString("N0", Invariant)})";
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string MiB(long bytes) => (bytes / 1048576.0).ToString("N0", Invariant);
}
