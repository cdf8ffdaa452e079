using System.Collections.Concurrent;
using System.Diagnostics;
using TermSync.Invoices;

namespace TermSync.Benchmarks.Growth;

/// <summary>How many invoices a batch issued and how long it took.</summary>
/// <param name="Failures">The first invoices that were not created, with their status and error.</param>
public sealed record IssueResult(int Requested, int Created, TimeSpan Elapsed, IReadOnlyList<string> Failures)
{
    public double InvoicesPerSecond => Created / Elapsed.TotalSeconds;
}

/// <summary>Issues invoices through <see cref="IInvoiceGrain.IssueAsync"/>, a fixed number at a time.</summary>
public sealed class InvoiceIssuer(IGrainFactory grains, int concurrency, TextWriter progress)
{
    private const int MaxFailuresKept = 10;

    /// <summary>Grain factory that the invoices are issued through.</summary>
    public IGrainFactory Grains => grains;

    /// <summary>
    /// Issues <paramref name="total"/> invoices of the customers of <paramref name="group"/>: invoice
    /// <paramref name="invoice"/> (from 0) of each of customers 0 to total - 1, or with a null invoice every invoice of
    /// each customer in turn, <paramref name="invoicesPerCustomer"/> per customer.
    /// </summary>
    public async Task<IssueResult> IssueAsync(string group, int total, int? invoice, int invoicesPerCustomer, int vendors, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentQueue<string>();
        var created = 0;
        var next = -1;
        var progressStep = Math.Max(1, total / 10);

        async Task IssueNextAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < total)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (customer, number) = invoice is { } fixedInvoice ? (index, fixedInvoice) : (index / invoicesPerCustomer, index % invoicesPerCustomer);
                var (key, draft) = GrowthWorkload.Invoice(group, customer, number, vendors);
                var result = await grains.GetGrain<IInvoiceGrain>(key).IssueAsync(draft);
                if (result.Outcome == WriteOutcome.Created)
                {
                    Interlocked.Increment(ref created);
                }
                else if (failures.Count < MaxFailuresKept)
                {
                    failures.Enqueue($"Invoice {key} ended {result.Status} ({result.Outcome?.ToString() ?? "no outcome"}) instead of created: {result.Error}");
                }

                if ((index + 1) % progressStep == 0)
                {
                    await progress.WriteLineAsync($"Issued about {index + 1:N0} of {total:N0} invoices of {group}.");
                }
            }
        }

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => IssueNextAsync()));
        stopwatch.Stop();
        return new IssueResult(total, created, stopwatch.Elapsed, [.. failures]);
    }
}
