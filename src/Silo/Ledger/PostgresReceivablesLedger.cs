using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using TermSync.Grains.Ledger;
using TermSync.Metrics;

namespace TermSync.Silo.Ledger;

/// <summary>
/// The receivables ledger in the PostgreSQL table receivables_ledger, written by group commit. Appends of concurrent
/// callers queue up while a flush runs, and the next flush writes all of them in one INSERT ... ON CONFLICT DO NOTHING
/// in one transaction. A caller's task completes only after the flush holding its entries committed, and fails when that flush failed.
/// </summary>
public sealed partial class PostgresReceivablesLedger : IReceivablesLedger, IAsyncDisposable
{
    /// <summary>
    /// The maximum number of entries one flush writes. A flush takes whole appends, so it exceeds this only when a single
    /// append is larger.
    /// </summary>
    public const int MaxEntriesPerFlush = 5000;

    private const string InsertSql = """
        INSERT INTO receivables_ledger
            (vendor_id, invoice_number, customer_id, currency, issue_date, due_date, entry_kind, entry_key, business_date, amount)
        SELECT * FROM unnest(
            @vendor_ids, @invoice_numbers, @customer_ids, @currencies, @issue_dates, @due_dates,
            @entry_kinds, @entry_keys, @business_dates, @amounts)
        ON CONFLICT (vendor_id, invoice_number, entry_key) DO NOTHING
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ReceivablesLedgerReader _reader;
    private readonly ILogger<PostgresReceivablesLedger> _logger;
    private readonly Channel<PendingAppend> _pending = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _flushLoop;
    private PendingAppend? _carried;

    /// <summary>Creates the ledger and starts its flush loop. The ledger owns <paramref name="dataSource"/> and disposes it.</summary>
    public PostgresReceivablesLedger(NpgsqlDataSource dataSource, ILogger<PostgresReceivablesLedger> logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(logger);
        _dataSource = dataSource;
        _reader = new ReceivablesLedgerReader(dataSource);
        _logger = logger;
        _flushLoop = Task.Run(RunFlushLoopAsync);
    }

    public Task AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        var append = new PendingAppend(entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(append))
        {
            throw new ObjectDisposedException(nameof(PostgresReceivablesLedger), "The receivables ledger is stopped and takes no more entries.");
        }

        // Cancelling stops the caller's wait, not the write: the entries may still be stored by the flush that contains them.
        return append.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes every queued append, then stops the flush loop.</summary>
    public Task<IReadOnlyList<InvoiceHistory>> LoadVendorSinceAsync(string vendorId, DateOnly horizon, CancellationToken cancellationToken = default) =>
        _reader.LoadVendorSinceAsync(vendorId, horizon, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _flushLoop;
        await _dataSource.DisposeAsync();
    }

    private async Task RunFlushLoopAsync()
    {
        while (_carried is not null || await _pending.Reader.WaitToReadAsync())
        {
            var batch = TakeBatch();
            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                var inserted = await InsertAsync(batch);
                LogFlushed(_logger, batch.Sum(append => append.Entries.Count), inserted, batch.Count);
                foreach (var append in batch)
                {
                    append.Completion.TrySetResult();
                }
            }
            catch (Exception exception)
            {
                // Every error goes to the callers of the batch, because the loop must keep serving later appends.
                LogFlushFailed(_logger, exception, batch.Sum(append => append.Entries.Count), batch.Count);
                foreach (var append in batch)
                {
                    append.Completion.TrySetException(exception);
                }
            }
        }
    }

    /// <summary>Takes queued appends until the next one would pass <see cref="MaxEntriesPerFlush"/>, which is carried to the next flush.</summary>
    private List<PendingAppend> TakeBatch()
    {
        var batch = new List<PendingAppend>();
        var count = 0;
        if (_carried is { } carried)
        {
            batch.Add(carried);
            count = carried.Entries.Count;
            _carried = null;
        }

        while (_pending.Reader.TryRead(out var append))
        {
            if (batch.Count > 0 && count + append.Entries.Count > MaxEntriesPerFlush)
            {
                _carried = append;
                break;
            }

            batch.Add(append);
            count += append.Entries.Count;
        }

        return batch;
    }

    private async Task<int> InsertAsync(List<PendingAppend> batch)
    {
        var entries = batch.SelectMany(append => append.Entries).ToList();
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(InsertSql, connection);
        AddArray(command, "vendor_ids", NpgsqlDbType.Text, entries.Select(entry => entry.VendorId));
        AddArray(command, "invoice_numbers", NpgsqlDbType.Text, entries.Select(entry => entry.InvoiceNumber));
        AddArray(command, "customer_ids", NpgsqlDbType.Text, entries.Select(entry => entry.CustomerId));
        AddArray(command, "currencies", NpgsqlDbType.Text, entries.Select(entry => entry.Currency));
        AddArray(command, "issue_dates", NpgsqlDbType.Date, entries.Select(entry => entry.IssueDate));
        AddArray(command, "due_dates", NpgsqlDbType.Date, entries.Select(entry => entry.DueDate));
        AddArray(command, "entry_kinds", NpgsqlDbType.Text, entries.Select(entry => LedgerEntryKinds.ToColumn(entry.Kind)));
        AddArray(command, "entry_keys", NpgsqlDbType.Text, entries.Select(entry => entry.EntryKey));
        AddArray(command, "business_dates", NpgsqlDbType.Date, entries.Select(entry => entry.BusinessDate));
        AddArray(command, "amounts", NpgsqlDbType.Numeric, entries.Select(entry => entry.Amount));

        // One statement runs in one implicit transaction, so the whole batch commits or none of it does.
        return await command.ExecuteNonQueryAsync();
    }

    private static void AddArray<T>(NpgsqlCommand command, string name, NpgsqlDbType elementType, IEnumerable<T> values) =>
        command.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | elementType) { TypedValue = [.. values] });

    private sealed record PendingAppend(IReadOnlyList<LedgerEntry> Entries, TaskCompletionSource Completion);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "Receivables ledger flushed {EntryCount} entries of {AppendCount} appends, {InsertedCount} new")]
    private static partial void LogFlushed(ILogger logger, int entryCount, int insertedCount, int appendCount);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "Receivables ledger flush of {EntryCount} entries of {AppendCount} appends failed, and every caller in the batch receives the exception")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, int entryCount, int appendCount);
}
