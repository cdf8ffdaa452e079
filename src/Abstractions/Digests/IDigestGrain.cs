namespace TermSync.Digests;

/// <summary>
/// The digest reminder grain of one customer, keyed by customer id. An Orleans reminder wakes it.
/// The schedule and the digest history are in its state, so a repeated or late wake-up sends at most
/// one digest per period.
/// </summary>
[Alias("termsync.IDigestGrain")]
public interface IDigestGrain : IGrainWithStringKey
{
    /// <summary>Registers the customer's reminder unless it is registered already.</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>
    /// Sends the digest of the period that contains <paramref name="asOf"/>, unless that period already
    /// has one or the customer owes nothing outside open disputes.
    /// </summary>
    /// <param name="trigger">What started the run, recorded in the history: "schedule" or "cycle".</param>
    [Alias("Run")]
    Task<DigestRunResult> RunAsync(DateOnly asOf, string trigger);

    /// <summary>Renders the digest for <paramref name="asOf"/> without delivering or recording it.</summary>
    [Alias("Preview")]
    Task<DigestPreview> PreviewAsync(DateOnly asOf);

    /// <summary>Returns the digests sent, oldest first.</summary>
    [Alias("GetHistory")]
    Task<IReadOnlyList<DigestRecord>> GetHistoryAsync();
}
