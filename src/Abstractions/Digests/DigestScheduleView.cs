namespace TermSync.Digests;

/// <summary>A customer's digest settings and the state of its schedule.</summary>
/// <param name="TimeZone">The time zone in effect: the preference, else the customer's, else UTC.</param>
/// <param name="NextDueAt">Instant of the next scheduled slot, or null when unsubscribed.</param>
[GenerateSerializer, Immutable, Alias("termsync.DigestScheduleView")]
public sealed record DigestScheduleView(
    [property: Id(0)] DigestPreferences Preferences,
    [property: Id(1)] string TimeZone,
    [property: Id(2)] DateTimeOffset? NextDueAt,
    [property: Id(3)] DigestRecord? LastSent);
