namespace TermSync.Digests;

/// <summary>Counts of what one digest cycle did across the customers it visited.</summary>
/// <param name="Widest">The digest of this period that spans the most vendors, sent now or before; null when none.</param>
[GenerateSerializer, Immutable, Alias("termsync.DigestCycleResult")]
public sealed record DigestCycleResult(
    [property: Id(0)] int Customers,
    [property: Id(1)] int Sent,
    [property: Id(2)] int AlreadySent,
    [property: Id(3)] int NothingActionable,
    [property: Id(4)] int BudgetExhausted,
    [property: Id(5)] int Unsubscribed,
    [property: Id(6)] int DeliveryFailed,
    [property: Id(7)] DigestRecord? Widest = null)
{
    public static DigestCycleResult Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Returns the result of one customer's run.</summary>
    public static DigestCycleResult Of(DigestRunResult run) => new(
        1,
        Count(run, DigestRunStatus.Sent),
        Count(run, DigestRunStatus.AlreadySent),
        Count(run, DigestRunStatus.NothingActionable),
        Count(run, DigestRunStatus.BudgetExhausted),
        Count(run, DigestRunStatus.Unsubscribed),
        Count(run, DigestRunStatus.DeliveryFailed),
        run.Digest);

    /// <summary>Adds the counts of two results and keeps the wider digest.</summary>
    public DigestCycleResult Add(DigestCycleResult other) => new(
        Customers + other.Customers,
        Sent + other.Sent,
        AlreadySent + other.AlreadySent,
        NothingActionable + other.NothingActionable,
        BudgetExhausted + other.BudgetExhausted,
        Unsubscribed + other.Unsubscribed,
        DeliveryFailed + other.DeliveryFailed,
        (other.Widest?.VendorCount ?? -1) > (Widest?.VendorCount ?? -1) ? other.Widest : Widest);

    private static int Count(DigestRunResult run, DigestRunStatus status) => run.Status == status ? 1 : 0;
}
