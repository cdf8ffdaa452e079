using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace TermSync.Silo.Storage;

/// <summary>
/// Grain storage that reads and writes the states of many grains in one PostgreSQL statement each (group commit).
/// It uses the orleans_grain_state rows of the Orleans ADO.NET grain storage it wraps, with the same key hashes,
/// serializer and version rules, so either one reads what the other wrote, and it leaves clearing to that storage. A
/// write completes only after its statement committed, and a write with a stale version fails with
/// <see cref="InconsistentStateException"/>.
/// </summary>
public sealed partial class GroupCommitGrainStorage : IGrainStorage, IAsyncDisposable
{
    /// <summary>
    /// Statements of each kind that run at once. A grain has at most one write in flight, so overlapping flushes hold
    /// two writes of one row only for a duplicate activation, whose stale version the check turns away.
    /// </summary>
    private const int ConcurrentFlushes = 2;

    private readonly AdoNetGrainStorage _rows;
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly string _name;
    private readonly string _rowsName;
    private readonly IActivatorProvider _activators;
    private readonly GroupCommitQueue<GrainStateRowKey, StoredGrainState?> _reads;
    private readonly GroupCommitQueue<PendingStateWrite, int?> _writes;
    private readonly ILogger<GroupCommitGrainStorage> _logger;

    /// <summary>Creates the storage and starts its read and write loops.</summary>
    /// <param name="rows">The ADO.NET grain storage whose rows, hasher and serializer this storage uses.</param>
    /// <param name="dataSource">The database of the rows, which the storage owns and disposes.</param>
    /// <param name="serviceId">The cluster's service id, which keys every row.</param>
    /// <param name="name">The name grains use for this storage.</param>
    /// <param name="rowsName">The name of <paramref name="rows"/>, under which its hasher picker is asked for a hasher.</param>
    /// <param name="activators">Creates the empty state of a grain that has no stored state.</param>
    public GroupCommitGrainStorage(
        AdoNetGrainStorage rows, NpgsqlDataSource dataSource, string serviceId, string name, string rowsName, IActivatorProvider activators, ILogger<GroupCommitGrainStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(dataSource);
        _rows = rows;
        _dataSource = dataSource;
        _serviceId = serviceId;
        _name = name;
        _rowsName = rowsName;
        _activators = activators;
        _logger = logger;
        _reads = new GroupCommitQueue<GrainStateRowKey, StoredGrainState?>(new GrainStateBatchReader(dataSource, serviceId).ReadAsync, GrainStateBatchReader.Limits, ConcurrentFlushes);
        _writes = new GroupCommitQueue<PendingStateWrite, int?>(new GrainStateBatchWriter(dataSource, serviceId).WriteAsync, GrainStateBatchWriter.Limits, ConcurrentFlushes);
        _reads.Flushed += (count, exception) => OnFlushed("read", count, exception);
        _writes.Flushed += (count, exception) => OnFlushed("wrote", count, exception);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);

        // The provider strips generic arguments from a state name with a backtick, which this storage does not repeat.
        if (HasGenericArguments(stateName))
        {
            await _rows.ReadStateAsync(stateName, grainId, grainState);
            return;
        }

        var stored = await _reads.EnqueueAsync(GrainStateRowKey.Create(_rows, _serviceId, _rowsName, stateName, grainId, grainState));
        var payload = stored?.Payload;
        grainState.State = payload is null ? _activators.GetActivator<T>().Create() : _rows.Serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = stored?.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = payload is not null;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _rows.ClearStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (HasGenericArguments(stateName))
        {
            await _rows.WriteStateAsync(stateName, grainId, grainState);
            return;
        }

        // The state is serialized before the first await, so a reentrant grain's next turn cannot change it halfway.
        var key = GrainStateRowKey.Create(_rows, _serviceId, _rowsName, stateName, grainId, grainState);
        int? expected = string.IsNullOrWhiteSpace(grainState.ETag) ? null : int.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        var payload = _rows.Serializer.Serialize(grainState.State).ToArray();
        var version = await _writes.EnqueueAsync(new PendingStateWrite(key, expected, payload));
        if (version is not { } stored)
        {
            throw new InconsistentStateException(
                $"Version conflict writing state '{stateName}' of grain {grainId} to storage '{_name}': the stored version is not {grainState.ETag ?? "absent"}.");
        }

        grainState.ETag = stored.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <summary>Finishes every queued read and write, then stops the loops and disposes the data source.</summary>
    public async ValueTask DisposeAsync()
    {
        await _reads.DisposeAsync();
        await _writes.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    private static bool HasGenericArguments(string stateName) => stateName.Contains('`', StringComparison.Ordinal);

    private void OnFlushed(string operation, int count, Exception? exception)
    {
        if (exception is null)
        {
            LogFlushed(_name, operation, count);
        }
        else
        {
            LogFlushFailed(exception, _name, operation, count);
        }
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Trace, Message = "Grain storage {StorageName} {Operation} {StateCount} states in one statement")]
    private partial void LogFlushed(string storageName, string operation, int stateCount);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Error, Message = "Grain storage {StorageName} failed a statement of {StateCount} states ({Operation}). A statement of several states is tried again state by state")]
    private partial void LogFlushFailed(Exception exception, string storageName, string operation, int stateCount);
}
