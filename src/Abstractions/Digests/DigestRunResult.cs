namespace TermSync.Digests;

/// <summary>How a request to send a customer's digest ended.</summary>
[GenerateSerializer, Alias("termsync.DigestRunStatus")]
public enum DigestRunStatus
{
    /// <summary>A new digest was rendered, delivered and recorded.</summary>
    Sent = 0,

    /// <summary>The period already has a digest, so nothing was sent again.</summary>
    AlreadySent = 1,

    /// <summary>Every open invoice is disputed or not yet due under its vendor's policy, so nothing was sent.</summary>
    NothingActionable = 2,

    /// <summary>The customer had its maximum digests for the day or the week, so nothing was sent.</summary>
    BudgetExhausted = 3,

    /// <summary>The customer unsubscribed.</summary>
    Unsubscribed = 4,

    /// <summary>Delivery failed or was rejected. The digest's record contains which and why.</summary>
    DeliveryFailed = 5,

    /// <summary>A wake-up found no slot, trigger or unfinished delivery due yet.</summary>
    NotDue = 6,
}

/// <summary>The outcome of a digest request, with the digest of the period when there is one.</summary>
[GenerateSerializer, Immutable, Alias("termsync.DigestRunResult")]
public sealed record DigestRunResult(
    [property: Id(0)] DigestRunStatus Status,
    [property: Id(1)] DigestRecord? Digest);
