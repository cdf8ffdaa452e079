namespace TermSync.Silo.Storage.Journal;

/// <summary>One grain's read of the entries numbered after <paramref name="After"/>.</summary>
public sealed record JournalReadRequest(string GrainId, long After);
