namespace TermSync.Silo.Storage.Journal;

/// <summary>One grain's deletion of its entries numbered before <paramref name="Through"/>.</summary>
public sealed record JournalTruncation(string GrainId, long Through);
