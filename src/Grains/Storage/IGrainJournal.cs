namespace TermSync.Grains.Storage;

/// <summary>
/// Numbered entries appended per grain, kept beside the grain's stored state. A grain that writes each change as one
/// small entry stores its whole state only now and then, as a snapshot that names the last entry it contains.
/// </summary>
/// <remarks>
/// A silo registers a journal as a keyed service under the name of the grain storage that stores the snapshots. Without
/// one, <see cref="JournaledState{TState, TEntry}"/> writes the whole state on every change.
/// </remarks>
public interface IGrainJournal
{
    /// <summary>Reads the entries of <paramref name="grainId"/> numbered after <paramref name="after"/>, in order.</summary>
    Task<IReadOnlyList<JournalEntry<T>>> ReadAsync<T>(GrainId grainId, long after);

    /// <summary>Appends <paramref name="entries"/>, numbered from <paramref name="firstSequence"/> on, and completes once they are stored.</summary>
    /// <exception cref="Orleans.Storage.InconsistentStateException">
    /// One of the numbers is taken, because another activation of the grain appended it. Nothing was appended.
    /// </exception>
    Task AppendAsync<T>(GrainId grainId, long firstSequence, IReadOnlyList<T> entries);

    /// <summary>Deletes the entries of <paramref name="grainId"/> numbered up to <paramref name="through"/>.</summary>
    Task TruncateAsync(GrainId grainId, long through);
}
