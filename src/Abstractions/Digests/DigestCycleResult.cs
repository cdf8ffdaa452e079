namespace TermSync.Digests;

/// <summary>Counts of what one digest cycle did across the customers it visited.</summary>
[GenerateSerializer, Immutable, Alias("termsync.DigestCycleResult")]
public sealed record DigestCycleResult(
    [property: Id(0)] int Customers,
    [property: Id(1)] int Sent,
    [property: Id(2)] int AlreadySent,
    [property: Id(3)] int NothingOwed)
{
    public static DigestCycleResult Empty { get; } = new(0, 0, 0, 0);

    /// <summary>Adds the counts of two results.</summary>
    public DigestCycleResult Add(DigestCycleResult other) => new(
        Customers + other.Customers, Sent + other.Sent, AlreadySent + other.AlreadySent, NothingOwed + other.NothingOwed);
}
