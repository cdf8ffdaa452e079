using TermSync.Api.Features.Invoices;

namespace TermSync.Api.Features.Ingest;

/// <summary>Runs work items of different keys in parallel and items of one key one after another, in their order.</summary>
public static class KeyedSequence
{
    /// <summary>
    /// Runs <paramref name="action"/> for every item, at most <see cref="InvoiceBatchIssuer.MaxConcurrentCalls"/> keys at a
    /// time. Items that touch the same invoice share a key, so the outcome (which credit exceeds the creditable amount,
    /// which payment finds an invoice paid) follows the file order instead of a race.
    /// </summary>
    public static Task RunAsync<TItem>(IEnumerable<TItem> items, Func<TItem, string> key, Func<TItem, Task> action, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            items.GroupBy(key, StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = InvoiceBatchIssuer.MaxConcurrentCalls, CancellationToken = cancellationToken },
            async (group, _) =>
            {
                foreach (var item in group)
                {
                    await action(item);
                }
            });
}
