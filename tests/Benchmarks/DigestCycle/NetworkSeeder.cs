using System.Collections.Concurrent;
using System.Diagnostics;
using TermSync.Invoices;
using TermSync.Vendors;

namespace TermSync.Benchmarks.DigestCycle;

/// <summary>What seeding stored and how long it took.</summary>
/// <param name="Elapsed">Wall-clock time to issue every invoice, after the vendors were registered.</param>
/// <param name="Failures">The first failed invoices with their status and error; empty when every invoice was created.</param>
public sealed record SeedResult(int Vendors, int Customers, int InvoicesCreated, TimeSpan Elapsed, IReadOnlyList<string> Failures)
{
    public double InvoicesPerSecond => InvoicesCreated / Elapsed.TotalSeconds;
}

/// <summary>
/// Registers the vendors of <see cref="DigestWorkload"/> and issues every customer's invoices through the grain
/// interfaces, a fixed number of customers at a time. Issuing an invoice updates its customer's aggregate and enrolls
/// the customer in the directory and the digest schedule, as an invoice pushed through the API does.
/// </summary>
public sealed class NetworkSeeder(IGrainFactory grains, TextWriter progress)
{
    private const int MaxFailuresKept = 10;

    /// <summary>Seeds a silo that contains none of the workload yet.</summary>
    public async Task<SeedResult> SeedAsync(DigestCycleOptions options, CancellationToken cancellationToken)
    {
        foreach (var (vendorId, profile) in DigestWorkload.Vendors)
        {
            await grains.GetGrain<IVendorGrain>(vendorId).RegisterAsync(profile);
        }

        var failures = new ConcurrentQueue<string>();
        var created = 0;
        var next = -1;
        var progressStep = Math.Max(1, options.Customers / 10);

        async Task SeedCustomersAsync()
        {
            int customer;
            while ((customer = Interlocked.Increment(ref next)) < options.Customers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var invoice = 0; invoice < DigestCycleOptions.InvoicesPerCustomer; invoice++)
                {
                    var (vendorId, invoiceNumber, draft) = DigestWorkload.Invoice(customer, invoice, options.AsOf);
                    var result = await grains.GetGrain<IInvoiceGrain>(InvoiceKey.Format(vendorId, invoiceNumber)).IssueAsync(draft);
                    if (result.Outcome == WriteOutcome.Created)
                    {
                        Interlocked.Increment(ref created);
                    }
                    else if (failures.Count < MaxFailuresKept)
                    {
                        failures.Enqueue($"Invoice {vendorId}/{invoiceNumber} ended {result.Status} ({result.Outcome?.ToString() ?? "no outcome"}) instead of created: {result.Error}");
                    }
                }

                if ((customer + 1) % progressStep == 0)
                {
                    await progress.WriteLineAsync($"Seeded about {customer + 1:N0} of {options.Customers:N0} customers.");
                }
            }
        }

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.SeedConcurrency).Select(_ => SeedCustomersAsync()));
        stopwatch.Stop();

        return new SeedResult(DigestWorkload.Vendors.Count, options.Customers, created, stopwatch.Elapsed, [.. failures]);
    }
}
