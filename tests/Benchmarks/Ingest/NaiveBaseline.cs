using System.Diagnostics;
using Npgsql;

namespace TermSync.Benchmarks.Ingest;

/// <summary>
/// The naive Orleans way: one <see cref="INaiveInvoiceGrain.StoreAsync"/> call, so one WriteStateAsync, per invoice of
/// a round, with a fixed number of calls in flight. The calls come from the driver process, so unlike the API path
/// they carry no HTTP request and no JSON.
/// </summary>
public sealed class NaiveBaseline(IGrainFactory grains, int concurrency)
{
    /// <summary>Stores every invoice of <paramref name="batches"/> once, in its own grain.</summary>
    public async Task<BaselineRound> RunAsync(string name, bool measured, IReadOnlyList<InvoiceBatch> batches, CancellationToken cancellationToken)
    {
        var invoices = batches
            .SelectMany(batch => batch.Invoices.Select(invoice => (Key: $"{batch.VendorId}/{invoice.InvoiceNumber}", Invoice: NaiveInvoice.From(invoice))))
            .ToList();
        var next = -1;

        async Task StoreAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < invoices.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (key, invoice) = invoices[index];
                await grains.GetGrain<INaiveInvoiceGrain>(key).StoreAsync(invoice);
            }
        }

        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => StoreAsync()));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new BaselineRound(name, measured, invoices.Count, elapsed);
    }

    /// <summary>Returns the rows that the naive silo wrote to orleans_grain_state.</summary>
    public static async Task<long> CountRowsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM orleans_grain_state WHERE service_id = $1 AND grain_type_string = $2 AND payload_binary IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = NaiveSilo.ServiceId });
        command.Parameters.Add(new NpgsqlParameter { Value = NaiveInvoiceGrain.StateName });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
