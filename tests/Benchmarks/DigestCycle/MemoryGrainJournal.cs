using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;
using TermSync.Grains.Storage;

namespace TermSync.Benchmarks.DigestCycle;

/// <summary>
/// Grain journals in the memory of one silo, beside its memory grain storage. Entries are serialized, as the PostgreSQL
/// journal stores them. Only a single silo may use it, because another silo would not see the entries.
/// </summary>
internal sealed class MemoryGrainJournal(Serializer serializer) : IGrainJournal
{
    private readonly ConcurrentDictionary<GrainId, SortedList<long, byte[]>> _journals = new();

    public Task<IReadOnlyList<JournalEntry<T>>> ReadAsync<T>(GrainId grainId, long after)
    {
        if (!_journals.TryGetValue(grainId, out var journal))
        {
            return Task.FromResult<IReadOnlyList<JournalEntry<T>>>([]);
        }

        lock (journal)
        {
            return Task.FromResult<IReadOnlyList<JournalEntry<T>>>(
                [.. journal.Where(entry => entry.Key > after).Select(entry => new JournalEntry<T>(entry.Key, serializer.Deserialize<T>(entry.Value)!))]);
        }
    }

    public Task AppendAsync<T>(GrainId grainId, long firstSequence, IReadOnlyList<T> entries)
    {
        var journal = _journals.GetOrAdd(grainId, _ => []);
        lock (journal)
        {
            if (journal.Count > 0 && journal.Keys[^1] != firstSequence - 1)
            {
                throw new InconsistentStateException(
                    $"Grain {grainId} appended journal entries from number {firstSequence} on, but its journal ends at number {journal.Keys[^1]}.");
            }

            for (var index = 0; index < entries.Count; index++)
            {
                journal.Add(firstSequence + index, serializer.SerializeToArray(entries[index]));
            }
        }

        return Task.CompletedTask;
    }

    public Task TruncateAsync(GrainId grainId, long through)
    {
        if (_journals.TryGetValue(grainId, out var journal))
        {
            lock (journal)
            {
                while (journal.Count > 0 && journal.Keys[0] < through)
                {
                    journal.RemoveAt(0);
                }
            }
        }

        return Task.CompletedTask;
    }
}
