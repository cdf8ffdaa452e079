namespace TermSync.Silo.Storage.Journal;

/// <summary>One grain's entries waiting for a flush, numbered from <paramref name="FirstSequence"/> on.</summary>
/// <param name="Payloads">The serialized entries, in order.</param>
public sealed record PendingJournalAppend(string GrainId, long FirstSequence, IReadOnlyList<byte[]> Payloads);
