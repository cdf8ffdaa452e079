namespace TermSync.Silo.Storage;

/// <summary>One grain's state write waiting for a flush.</summary>
/// <param name="ExpectedVersion">The version the grain read or last wrote (its ETag), or null when it read no row.</param>
/// <param name="Payload">The serialized state.</param>
public sealed record PendingStateWrite(GrainStateRowKey Key, int? ExpectedVersion, byte[] Payload);
