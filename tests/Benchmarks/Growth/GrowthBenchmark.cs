using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using TermSync.Benchmarks.DigestCycle;
using TermSync.Benchmarks.Ingest;
using TermSync.Grains;
using TermSync.Grains.Ledger;
using TermSync.Vendors;

namespace TermSync.Benchmarks.Growth;

/// <summary>
/// Starts a silo in this process whose grain storage and ledger keep nothing, then measures memory in two parts. The
/// rounds measure, at each size, the growth per invoice that is the first of a new customer and per invoice of a
/// customer that is active already. The network part issues the whole network and measures the silo with every grain
/// active and again after deactivating the idle ones.
/// </summary>
public sealed class GrowthBenchmark(TextWriter progress)
{
    /// <summary>Runs the benchmark; <paramref name="siloLogger"/> receives the silo's warnings and errors.</summary>
    public async Task<GrowthReport> RunAsync(GrowthOptions options, Serilog.ILogger siloLogger, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        await using var silo = await BenchmarkSilo.StartAsync(siloLogger, cancellationToken, AddDiscardingStorage);
        var storage = silo.Services.GetRequiredService<DiscardingGrainStorage>();
        var ledger = silo.Services.GetRequiredService<DiscardingReceivablesLedger>();
        var issuer = new InvoiceIssuer(silo.Grains, options.Concurrency, progress);

        for (var vendor = 0; vendor < options.Vendors; vendor++)
        {
            var (id, profile) = GrowthWorkload.Vendor(vendor);
            await silo.Grains.GetGrain<IVendorGrain>(id).RegisterAsync(profile);
        }

        var loadAtStart = LoadAverage.Read();
        var empty = await DeactivateIdleAsync(silo.Grains);
        var steps = new List<ActivationStep>();
        var problems = new List<string>();
        for (var round = 1; round <= options.Rounds && problems.Count == 0; round++)
        {
            foreach (var size in options.Sizes)
            {
                var group = $"r{round}s{size}";
                var before = await DeactivateIdleAsync(silo.Grains);
                var first = await MeasureStepAsync(issuer, round, size, ActivationStep.FirstInvoice, group, 0, before, options, cancellationToken);
                var second = await MeasureStepAsync(issuer, round, size, ActivationStep.SecondInvoice, group, 1, first.After, options, cancellationToken);
                steps.Add(first);
                steps.Add(second);
                problems.AddRange(first.Issue.Failures);
                problems.AddRange(second.Issue.Failures);
            }
        }

        NetworkMeasurement? network = null;
        if (problems.Count == 0)
        {
            var before = await DeactivateIdleAsync(silo.Grains);
            await progress.WriteLineAsync($"Issuing the network: {options.Invoices:N0} invoices of {options.NetworkCustomers:N0} customers.");
            var writesBefore = (storage.Writes, storage.BytesWritten, ledger.Entries);
            var issue = await issuer.IssueAsync("net", options.Invoices, invoice: null, options.InvoicesPerCustomer, options.Vendors, cancellationToken);
            var loaded = await SiloMemory.TakeAsync(silo.Grains);
            var idle = await DeactivateIdleAsync(silo.Grains);
            network = new NetworkMeasurement(
                before,
                loaded,
                idle,
                issue,
                storage.Writes - writesBefore.Writes,
                storage.BytesWritten - writesBefore.BytesWritten,
                ledger.Entries - writesBefore.Entries);
            problems.AddRange(issue.Failures);
            await progress.WriteLineAsync($"Issued {issue.Created:N0} invoices in {issue.Elapsed.TotalSeconds:F1} s; managed heap {loaded.ManagedHeapBytes / 1048576.0:N0} MiB with every grain active, {idle.ManagedHeapBytes / 1048576.0:N0} MiB after deactivating the idle ones.");
        }

        return new GrowthReport(options, empty, steps, network, silo.CollectionAge, loadAtStart, LoadAverage.Read(), startedAt, DateTimeOffset.UtcNow, problems);
    }

    private async Task<ActivationStep> MeasureStepAsync(
        InvoiceIssuer issuer, int round, int size, string name, string group, int invoice, SiloMemory before, GrowthOptions options, CancellationToken cancellationToken)
    {
        var issue = await issuer.IssueAsync(group, size, invoice, invoicesPerCustomer: 1, options.Vendors, cancellationToken);
        var after = await SiloMemory.TakeAsync(issuer.Grains);
        var step = new ActivationStep(round, size, name, before, after, issue);
        await progress.WriteLineAsync(
            $"Round {round}, {size:N0} × {name}: {issue.Created:N0} issued in {issue.Elapsed.TotalSeconds:F1} s ({issue.InvoicesPerSecond:N0}/s); " +
            $"managed heap {step.ManagedBytesPerInvoice:+#,0;-#,0;0} bytes, working set {step.WorkingSetBytesPerInvoice:+#,0;-#,0;0} bytes, {step.ActivationsPerInvoice:F2} activations per invoice.");
        return step;
    }

    /// <summary>
    /// Deactivates every idle grain and reads the memory once the activation count stops falling. Grains marked
    /// [KeepAlive] and grains with a keep-alive timer stay active.
    /// </summary>
    private static async Task<SiloMemory> DeactivateIdleAsync(IGrainFactory grains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var previous = int.MaxValue;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await management.ForceActivationCollection(TimeSpan.Zero);
            var count = await management.GetTotalActivationCount();
            if (count >= previous)
            {
                break;
            }

            previous = count;
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        return await SiloMemory.TakeAsync(grains);
    }

    /// <summary>Registers the discarding grain storage as the default storage and the discarding ledger.</summary>
    private static void AddDiscardingStorage(ISiloBuilder silo)
    {
        silo.Services.AddSingleton(provider => new DiscardingGrainStorage(new OrleansGrainStorageSerializer(provider.GetRequiredService<Serializer>())));
        silo.Services.AddGrainStorage(StorageNames.Default, (provider, _) => provider.GetRequiredService<DiscardingGrainStorage>());
        silo.Services.AddSingleton<DiscardingReceivablesLedger>();
        silo.Services.AddSingleton<IReceivablesLedger>(provider => provider.GetRequiredService<DiscardingReceivablesLedger>());
    }
}
