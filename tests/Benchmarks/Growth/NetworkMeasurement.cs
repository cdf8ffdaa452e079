namespace TermSync.Benchmarks.Growth;

/// <summary>The memory of the silo around issuing the whole network.</summary>
/// <param name="Before">After the rounds, with their grains deactivated.</param>
/// <param name="Loaded">Right after the last invoice, with every grain the network activated still active.</param>
/// <param name="Idle">After deactivating every idle grain.</param>
/// <param name="StateWrites">Grain states written while issuing, each serialized and dropped.</param>
/// <param name="StateBytes">Bytes of those serialized states, which a database would have stored.</param>
/// <param name="LedgerEntries">Receivables ledger entries appended while issuing.</param>
public sealed record NetworkMeasurement(
    SiloMemory Before,
    SiloMemory Loaded,
    SiloMemory Idle,
    IssueResult Issue,
    long StateWrites,
    long StateBytes,
    long LedgerEntries);
