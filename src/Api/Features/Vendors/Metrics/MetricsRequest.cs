using TermSync.Vendors;

namespace TermSync.Api.Features.Vendors.Metrics;

/// <summary>A vendor from the route and the window of a metric from the query string.</summary>
/// <param name="AsOf">The last date of the window, YYYY-MM-DD; today in the vendor's time zone when omitted.</param>
/// <param name="WindowDays">The number of dates in the window, 1 to <see cref="MaxWindowDays"/>; <see cref="DefaultWindowDays"/> when omitted.</param>
public sealed record MetricsRequest(string VendorId, DateOnly? AsOf, int? WindowDays) : IMetricsWindow
{
    public const int DefaultWindowDays = 90;

    /// <summary>The longest window accepted: 3,650 dates, about ten years.</summary>
    public const int MaxWindowDays = 3650;

    /// <summary>Returns <see cref="AsOf"/>, or today's date in the vendor's time zone (UTC when the zone is unknown).</summary>
    public DateOnly AsOfOrToday(VendorProfile profile, TimeProvider time)
    {
        if (AsOf is { } asOf)
        {
            return asOf;
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }
}

/// <summary>The as-of date and window length of a metrics request, both optional.</summary>
public interface IMetricsWindow
{
    DateOnly? AsOf { get; }

    int? WindowDays { get; }
}
