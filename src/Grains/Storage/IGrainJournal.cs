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

    /// <summary>
    /// Appends <paramref name="entries"/>, numbered from <paramref name="firstSequence"/> on, and completes once they are
    /// stored. The journal accepts them only when it contains the grain's entry numbered <paramref name="firstSequence"/>
    /// - 1, or no entry of the grain at all.
    /// </summary>
    /// <exception cref="Orleans.Storage.InconsistentStateException">
    /// One of the numbers is taken, or the entry before <paramref name="firstSequence"/> is missing, because another
    /// activation of the grain appended or truncated entries. Nothing was appended.
    /// </exception>
    Task AppendAsync<T>(GrainId grainId, long firstSequence, IReadOnlyList<T> entries);

    /// <summary>
    /// Deletes the entries of <paramref name="grainId"/> numbered before <paramref name="through"/>. The entry numbered
    /// <paramref name="through"/> stays as the end of the journal, so an activation that has not read it cannot append.
    /// </summary>
    Task TruncateAsync(GrainId grainId, long through);
}
