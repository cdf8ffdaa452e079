using Orleans.Storage;

namespace TermSync.Benchmarks.Growth;

/// <summary>
/// Grain storage that serializes every written state with the silo's grain storage serializer and then drops it, so
/// the silo process keeps no stored state. A PostgreSQL-backed silo keeps its stored state in the database, outside the
/// process, so the memory of a silo with this storage is what such a silo holds for the same activations. A read finds
/// no record, so a grain that activates again starts from empty state.
/// </summary>
public sealed class DiscardingGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private long _writes;
    private long _bytesWritten;

    /// <summary>States written since the silo started.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Bytes of serialized state written since the silo started, which a database would have stored.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.Serialize(grainState.State);
        Interlocked.Add(ref _bytesWritten, data.ToMemory().Length);
        var version = Interlocked.Increment(ref _writes);
        grainState.ETag = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
