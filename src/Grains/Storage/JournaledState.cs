using Orleans.Storage;

namespace TermSync.Grains.Storage;

/// <summary>
/// Stores the state of one reentrant grain as a snapshot in its grain storage plus a journal of the changes made since.
/// A change costs one small entry instead of a rewrite of the whole state. Every write appends its entries. Once the
/// journal contains more entries since the snapshot than the snapshot interval allows, the write also stores the whole
/// state as a new snapshot and deletes the entries before the last one it contains. Changes that arrive while a write
/// runs share the next write, as with <see cref="CoalescedStateWriter"/>.
/// </summary>
/// <remarks>
/// Use it only on the grain's own scheduler. The grain changes <see cref="State"/> and calls <see cref="RecordAsync"/>
/// with an entry that describes the change within the same turn. Replaying the entries in order on the stored snapshot
/// must give the same state, and applying an entry that the snapshot already contains must change nothing. Without a
/// journal, every write stores the whole state.
/// </remarks>
/// <typeparam name="TState">The grain's state.</typeparam>
/// <typeparam name="TEntry">One change, serializable by Orleans.</typeparam>
public sealed class JournaledState<TState, TEntry>
    where TState : class, IJournaledState
{
    private readonly IPersistentState<TState> _snapshot;
    private readonly IGrainJournal? _journal;
    private readonly GrainId _grainId;
    private readonly Action<TState, TEntry> _replay;
    private readonly Func<TState, int> _snapshotInterval;
    private readonly CoalescedStateWriter _writer;
    private readonly List<JournalEntry<TEntry>> _unsaved = [];
    private long _applied;
    private int _sinceSnapshot;

    /// <param name="snapshot">The grain's persistent state, which stores the snapshots.</param>
    /// <param name="journal">The journal of the snapshot's storage, or null to store the whole state on every change.</param>
    /// <param name="grainId">The grain whose entries the journal keeps.</param>
    /// <param name="replay">Applies one stored entry to the state while the grain activates.</param>
    /// <param name="snapshotInterval">
    /// How many entries may follow a snapshot before the next write stores a new one. Grains return a number that
    /// grows with the state's size, so a snapshot costs about as much as the entries it replaces.
    /// </param>
    /// <param name="failed">Runs when a write fails, as <see cref="CoalescedStateWriter"/> describes.</param>
    public JournaledState(
        IPersistentState<TState> snapshot,
        IGrainJournal? journal,
        GrainId grainId,
        Action<TState, TEntry> replay,
        Func<TState, int> snapshotInterval,
        Action failed)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshot = snapshot;
        _journal = journal;
        _grainId = grainId;
        _replay = replay;
        _snapshotInterval = snapshotInterval;
        _writer = new CoalescedStateWriter(StoreAsync, failed);
    }

    /// <summary>The state with every recorded change, stored or not.</summary>
    public TState State => _snapshot.State;

    /// <summary>Applies the entries stored after the snapshot. The grain calls it once, when it activates.</summary>
    /// <exception cref="InconsistentStateException">
    /// The entries do not continue the snapshot without a gap, because another activation stored a newer snapshot and
    /// deleted entries between the reads of the snapshot and of the journal. Activating again reads both anew.
    /// </exception>
    public async Task LoadAsync()
    {
        _applied = State.JournalSequence;
        if (_journal is null)
        {
            return;
        }

        var entries = await _journal.ReadAsync<TEntry>(_grainId, _applied);
        foreach (var entry in entries)
        {
            if (entry.Sequence != _applied + 1)
            {
                throw new InconsistentStateException(
                    $"Grain {_grainId} read a snapshot through journal entry {State.JournalSequence}, but its journal continues at entry {entry.Sequence} after entry {_applied}. Call the grain again, which activates it anew and reads the newer snapshot.");
            }

            _replay(State, entry.Value);
            _applied = entry.Sequence;
        }

        _sinceSnapshot = entries.Count;
    }

    /// <summary>Records a change that the caller made to <see cref="State"/> in this turn, and completes once it is stored.</summary>
    public Task RecordAsync(TEntry entry)
    {
        _applied++;
        _unsaved.Add(new JournalEntry<TEntry>(_applied, entry));
        return _writer.WriteAsync();
    }

    /// <summary>Completes once every change recorded so far is stored, as <see cref="CoalescedStateWriter.StoredAsync"/> does.</summary>
    public Task StoredAsync() => _writer.StoredAsync();

    private async Task StoreAsync()
    {
        if (_unsaved.Count == 0)
        {
            return;
        }

        var entries = _unsaved.ToArray();
        _unsaved.Clear();

        // With a journal, every entry is appended, also those that a snapshot is about to contain, because the append
        // rejects a stale activation, whose numbers do not follow the last stored entry.
        try
        {
            if (_journal is null)
            {
                await _snapshot.WriteStateAsync();
            }
            else
            {
                await _journal.AppendAsync(_grainId, entries[0].Sequence, Array.ConvertAll(entries, entry => entry.Value));
            }
        }
        catch
        {
            // The changes stay in memory, so the next write tries them again, unless the grain deactivates first.
            _unsaved.InsertRange(0, entries);
            throw;
        }

        if (_journal is null)
        {
            return;
        }

        _sinceSnapshot += entries.Length;
        if (_sinceSnapshot > _snapshotInterval(State))
        {
            // A failed snapshot fails the callers although their entries are stored, and the next write tries again.
            await StoreSnapshotAsync(entries[^1].Sequence);
        }
    }

    private async Task StoreSnapshotAsync(long through)
    {
        // The state may already contain changes of turns that ran during the append, whose entries are numbered after
        // the snapshot's. Replaying them on this snapshot changes nothing, because an entry applied twice changes nothing.
        State.JournalSequence = through;
        await _snapshot.WriteStateAsync();
        _sinceSnapshot = 0;
        try
        {
            await _journal!.TruncateAsync(_grainId, through);
        }
        catch (Exception)
        {
            // The journal logs the failure. Reads skip the entries that the snapshot contains, and the next snapshot's
            // truncation deletes them.
        }
    }
}
