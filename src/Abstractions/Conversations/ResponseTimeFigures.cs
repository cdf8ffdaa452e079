namespace TermSync.Conversations;

/// <summary>
/// A vendor's response times over the window of <see cref="WindowDays"/> dates ending with <see cref="AsOf"/>, in the
/// vendor's time zone. The population is every question and dispute opened in the window, those recorded by staff included.
/// </summary>
/// <param name="FirstResponseCalendar">Calendar time from opening to the first reply, over conversations answered by the end of <paramref name="AsOf"/>.</param>
/// <param name="FirstResponseBusiness">The same replies on the vendor's business clock.</param>
/// <param name="UnansweredCount">Conversations of the window with no reply by the end of <paramref name="AsOf"/>.</param>
/// <param name="OldestUnansweredHours">Calendar age of the oldest of them at the end of <paramref name="AsOf"/>, or null when there is none.</param>
/// <param name="OldestUnansweredBusinessHours">Business-clock age of that same conversation, or null when there is none.</param>
/// <param name="ResolutionCalendar">Calendar time from opening to resolution, over conversations of the window resolved by the end of <paramref name="AsOf"/>.</param>
/// <param name="ResolutionBusiness">The same resolutions on the vendor's business clock.</param>
[GenerateSerializer, Immutable, Alias("termsync.ResponseTimeFigures")]
public sealed record ResponseTimeFigures(
    [property: Id(0)] string VendorId,
    [property: Id(1)] DateOnly AsOf,
    [property: Id(2)] int WindowDays,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] DurationStatistics FirstResponseCalendar,
    [property: Id(5)] DurationStatistics FirstResponseBusiness,
    [property: Id(6)] int UnansweredCount,
    [property: Id(7)] decimal? OldestUnansweredHours,
    [property: Id(8)] decimal? OldestUnansweredBusinessHours,
    [property: Id(9)] DurationStatistics ResolutionCalendar,
    [property: Id(10)] DurationStatistics ResolutionBusiness)
{
    /// <summary>The first date of the window.</summary>
    public DateOnly WindowStart => AsOf.AddDays(1 - WindowDays);
}
