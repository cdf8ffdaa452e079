namespace TermSync.Api.Features.Links;

/// <summary>Dates of the link pages and the portal, in the customer's time zone.</summary>
public static class LinkDates
{
    /// <summary>Returns today's date in the IANA time zone <paramref name="timeZone"/>, or in UTC when it is null or unknown.</summary>
    public static DateOnly Today(TimeProvider time, string? timeZone)
    {
        var zone = timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }
}
