using System.Collections.Concurrent;
using System.Diagnostics;
using HdrHistogram;
using TermSync.Importer.Api;

namespace TermSync.Benchmarks.Ingest;

/// <summary>Sends the batches of one round through a fixed number of concurrent senders and times each request.</summary>
public sealed class IngestRound(TermSyncClient client, int senders)
{
    /// <summary>Largest latency the histogram tracks: 10 minutes, in microseconds.</summary>
    private const long MaxLatencyMicroseconds = 600_000_000;

    /// <summary>Sends every batch once and records each acknowledged invoice in <paramref name="acknowledged"/>.</summary>
    /// <exception cref="TermSyncApiException">A batch failed after the client's retries.</exception>
    public async Task<RoundResult> RunAsync(
        string name, bool measured, IReadOnlyList<InvoiceBatch> batches, ConcurrentQueue<AcknowledgedInvoice> acknowledged, CancellationToken cancellationToken)
    {
        var latency = new LongConcurrentHistogram(1, MaxLatencyMicroseconds, 3);
        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var next = -1;

        async Task SendAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < batches.Count)
            {
                var batch = batches[index];
                var started = Stopwatch.GetTimestamp();
                var results = await client.IssueInvoicesAsync(batch.VendorId, batch.Invoices, cancellationToken);
                latency.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds));

                var amounts = batch.Invoices.ToDictionary(invoice => invoice.InvoiceNumber, invoice => invoice.Amount, StringComparer.Ordinal);
                foreach (var result in results)
                {
                    outcomes.AddOrUpdate(result.Outcome, 1, (_, count) => count + 1);
                    if (result.Outcome != InvoiceBatchResult.RejectedOutcome)
                    {
                        acknowledged.Enqueue(new AcknowledgedInvoice(batch.VendorId, result.InvoiceNumber, amounts[result.InvoiceNumber]));
                    }
                }
            }
        }

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => SendAsync()));
        stopwatch.Stop();

        var invoices = batches.Sum(batch => batch.Invoices.Count);
        var created = outcomes.GetValueOrDefault("created");
        var updated = outcomes.GetValueOrDefault("updated");
        var unchanged = outcomes.GetValueOrDefault("unchanged");
        var rejected = outcomes.Values.Sum() - created - updated - unchanged;
        return new RoundResult(name, measured, batches.Count, invoices, created, updated, unchanged, rejected, stopwatch.Elapsed, latency);
    }
}
