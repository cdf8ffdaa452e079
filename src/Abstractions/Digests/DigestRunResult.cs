namespace TermSync.Digests;

/// <summary>How a request to send a customer's digest ended.</summary>
[GenerateSerializer, Alias("termsync.DigestRunStatus")]
public enum DigestRunStatus
{
    /// <summary>A new digest was rendered, delivered and recorded.</summary>
    Sent = 0,

    /// <summary>The period already has a digest, so nothing was sent again.</summary>
    AlreadySent = 1,

    /// <summary>The customer owes nothing outside open disputes, so no digest was sent.</summary>
    NothingOwed = 2,
}

/// <summary>The outcome of a digest request, with the digest of the period when there is one.</summary>
[GenerateSerializer, Immutable, Alias("termsync.DigestRunResult")]
public sealed record DigestRunResult(
    [property: Id(0)] DigestRunStatus Status,
    [property: Id(1)] DigestRecord? Digest);
