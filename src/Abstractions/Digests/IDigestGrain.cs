namespace TermSync.Digests;

/// <summary>
/// The digest reminder grain of one customer, keyed by customer id. An Orleans reminder only wakes it: the
/// preferences, the next slot and every digest sent are in its state, so a late wake-up sends the owed digest
/// once and a repeated one sends nothing.
/// </summary>
[Alias("termsync.IDigestGrain")]
public interface IDigestGrain : IGrainWithStringKey
{
    /// <summary>Computes the first slot and registers the customer's reminder, unless that was done before.</summary>
    /// <param name="customerTimeZone">The IANA time zone from the customer's invoices, or null for UTC.</param>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync(string? customerTimeZone);

    /// <summary>
    /// Compares the clock with the state and sends what is owed: the digest of a slot that has passed, or a
    /// due-soon or past-due digest, at most one per call and within the contact budget. The reminder calls this.
    /// </summary>
    [Alias("Wake"), ResponseTimeout("00:05:00")]
    Task<DigestRunResult> WakeAsync();

    /// <summary>
    /// Sends the digest of the period that contains <paramref name="asOf"/> now, unless that period has one,
    /// the contact budget is used up, the customer unsubscribed, or nothing is actionable.
    /// </summary>
    /// <param name="asOf">Business date of the digest; null for today in the customer's time zone. A cycle with a
    /// date counts the contact budget on that date, so that replayed history keeps its own budget.</param>
    /// <param name="reason"><see cref="DigestReason.Cycle"/> or <see cref="DigestReason.VendorRequest"/>.</param>
    /// <param name="requestedBy">The vendor that asked, for a vendor request.</param>
    [Alias("Run"), ResponseTimeout("00:05:00")]
    Task<DigestRunResult> RunAsync(DateOnly? asOf, DigestReason reason, string? requestedBy);

    /// <summary>Renders the digest for <paramref name="asOf"/> without delivering or recording it.</summary>
    [Alias("Preview")]
    Task<DigestPreview> PreviewAsync(DateOnly asOf);

    /// <summary>Returns the digests sent, oldest first.</summary>
    [Alias("GetHistory")]
    Task<IReadOnlyList<DigestRecord>> GetHistoryAsync();

    /// <summary>Returns the preferences, the time zone in effect and the next slot.</summary>
    [Alias("GetSchedule")]
    Task<DigestScheduleView> GetScheduleAsync();

    /// <summary>Replaces the preferences and moves the next slot to match them.</summary>
    [Alias("SetPreferences")]
    Task<DigestScheduleView> SetPreferencesAsync(DigestPreferences preferences);

    /// <summary>Stops every digest to the customer; doing it again changes nothing.</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync();
}
