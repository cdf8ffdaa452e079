using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;
using TermSync.Grains.Storage;

namespace TermSync.Silo.Storage.Journal;

/// <summary>
/// Grain journals in the grain_journal table. Concurrent appends go to PostgreSQL as one statement, and so do
/// concurrent reads and truncations, as the group-commit grain storage does with states. An append completes only after its statement
/// committed. Entries are stored in the Orleans binary serializer's format.
/// </summary>
public sealed partial class PostgresGrainJournal : IGrainJournal, IAsyncDisposable
{
    private const int ConcurrentFlushes = 2;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly Serializer _serializer;
    private readonly GroupCommitQueue<PendingJournalAppend, bool> _appends;
    private readonly GroupCommitQueue<JournalReadRequest, IReadOnlyList<(long Sequence, byte[] Payload)>> _reads;
    private readonly GroupCommitQueue<JournalTruncation, bool> _truncations;
    private readonly ILogger<PostgresGrainJournal> _logger;

    /// <summary>Creates the journal and starts its append and read loops.</summary>
    /// <param name="dataSource">The database of the journals, which the journal owns and disposes.</param>
    /// <param name="serviceId">The cluster's service id, which keys every entry.</param>
    public PostgresGrainJournal(NpgsqlDataSource dataSource, string serviceId, Serializer serializer, ILogger<PostgresGrainJournal> logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _serviceId = serviceId;
        _serializer = serializer;
        _logger = logger;
        _appends = new GroupCommitQueue<PendingJournalAppend, bool>(new GrainJournalBatchWriter(dataSource, serviceId).AppendAsync, GrainJournalBatchWriter.Limits, ConcurrentFlushes);
        _reads = new GroupCommitQueue<JournalReadRequest, IReadOnlyList<(long, byte[])>>(new GrainJournalBatchReader(dataSource, serviceId).ReadAsync, GrainJournalBatchReader.Limits, ConcurrentFlushes);
        _appends.Flushed += (count, exception) => OnFlushed("appended", count, exception);
        _truncations = new GroupCommitQueue<JournalTruncation, bool>(new GrainJournalBatchTruncator(dataSource, serviceId).TruncateAsync, GrainJournalBatchTruncator.Limits, ConcurrentFlushes);
        _reads.Flushed += (count, exception) => OnFlushed("read", count, exception);
        _truncations.Flushed += (count, exception) => OnFlushed("truncated", count, exception);
    }

    public async Task<IReadOnlyList<JournalEntry<T>>> ReadAsync<T>(GrainId grainId, long after)
    {
        var stored = await _reads.EnqueueAsync(new JournalReadRequest(grainId.ToString(), after));
        return [.. stored.Select(entry => new JournalEntry<T>(entry.Sequence, _serializer.Deserialize<T>(entry.Payload)!))];
    }

    public async Task AppendAsync<T>(GrainId grainId, long firstSequence, IReadOnlyList<T> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        // The entries are serialized before the first await, so a reentrant grain's next turn cannot change them halfway.
        var payloads = entries.Select(entry => _serializer.SerializeToArray(entry)).ToArray();
        bool appended;
        try
        {
            appended = await _appends.EnqueueAsync(new PendingJournalAppend(grainId.ToString(), firstSequence, payloads));
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InconsistentStateException(
                $"Grain {grainId} appended journal entries from number {firstSequence} on, but another activation of it stored one of those numbers first.",
                exception);
        }

        if (!appended)
        {
            throw new InconsistentStateException(
                $"Grain {grainId} appended journal entries from number {firstSequence} on, but its journal contains no entry numbered {firstSequence - 1}, because another activation of it appended or truncated entries.");
        }
    }

    public async Task TruncateAsync(GrainId grainId, long through)
    {
        try
        {
            await _truncations.EnqueueAsync(new JournalTruncation(grainId.ToString(), through));
        }
        catch (Exception exception)
        {
            LogTruncateFailed(exception, grainId, through);
            throw;
        }
    }

    /// <summary>Finishes every queued append, read and truncation, then stops the loops and disposes the data source.</summary>
    public async ValueTask DisposeAsync()
    {
        await _appends.DisposeAsync();
        await _reads.DisposeAsync();
        await _truncations.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    private void OnFlushed(string operation, int count, Exception? exception)
    {
        if (exception is null)
        {
            LogFlushed(operation, count);
        }
        else
        {
            LogFlushFailed(exception, operation, count);
        }
    }

    [LoggerMessage(EventId = 1410, Level = LogLevel.Trace, Message = "Grain journal {Operation} the entries of {GrainCount} grains in one statement")]
    private partial void LogFlushed(string operation, int grainCount);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Error, Message = "Grain journal failed a statement for {GrainCount} grains ({Operation}). A statement for several grains is tried again grain by grain")]
    private partial void LogFlushFailed(Exception exception, string operation, int grainCount);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Warning, Message = "Grain journal failed to delete the entries of grain {GrainId} up to number {Through}, which its stored snapshot contains; the next snapshot deletes them")]
    private partial void LogTruncateFailed(Exception exception, GrainId grainId, long through);
}
