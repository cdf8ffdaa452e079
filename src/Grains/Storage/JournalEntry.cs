namespace TermSync.Grains.Storage;

/// <summary>One entry of a grain's journal and its number, which grows by one per entry.</summary>
public readonly record struct JournalEntry<T>(long Sequence, T Value);
