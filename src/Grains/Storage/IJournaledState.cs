namespace TermSync.Grains.Storage;

/// <summary>A grain state stored as snapshots of a <see cref="JournaledState{TState, TEntry}"/>.</summary>
public interface IJournaledState
{
    /// <summary>The number of the last journal entry that the state contains, or 0 before the first one.</summary>
    long JournalSequence { get; set; }
}
