using TermSync.Vendors;

namespace TermSync.Grains.Conversations;

/// <summary>
/// Measures time on a vendor's business clock: only the instants inside the open hours of each local date, in the
/// vendor's time zone, count, and holidays count not at all.
/// </summary>
/// <remarks>
/// A local opening or closing time becomes the earliest instant at which the zone's wall clock reads that time or later.
/// A time inside the hour skipped when clocks go forward therefore becomes the instant of the change: 02:30 on a day that
/// jumps from 02:00 to 03:00 becomes 03:00 in the new offset. A time that occurs twice when clocks go back becomes its
/// first occurrence, in the offset before the change. Opening and closing times follow the same rule, so an open
/// interval that lies wholly inside a skipped hour has zero length.
/// </remarks>
public static class BusinessClock
{
    /// <summary>The number of days, about ten years, that <see cref="Add"/> searches for open hours before it throws.</summary>
    public const int MaxSearchDays = 3653;

    /// <summary>
    /// Returns the business time between two instants: the overlap of [<paramref name="from"/>, <paramref name="to"/>)
    /// with the vendor's open intervals. Zero when <paramref name="to"/> is not after <paramref name="from"/>.
    /// </summary>
    public static TimeSpan Elapsed(ResponseSettings settings, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(zone);
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        // One date of margin on each side covers intervals that a clock change moves across a date boundary.
        var firstDate = LocalDate(zone, from).AddDays(-1);
        var lastDate = LocalDate(zone, to).AddDays(1);
        var calendar = new OpenCalendar(settings, zone);

        var total = TimeSpan.Zero;
        for (var date = firstDate; date <= lastDate; date = date.AddDays(1))
        {
            foreach (var (opens, closes) in calendar.IntervalsOn(date))
            {
                var start = opens > from ? opens : from;
                var end = closes < to ? closes : to;
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    /// <summary>
    /// Returns the earliest instant at which <paramref name="businessTime"/> of business time has passed since
    /// <paramref name="from"/>, so that <c>Elapsed(from, Add(from, t)) == t</c>. Zero returns <paramref name="from"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessTime"/> is negative.</exception>
    /// <exception cref="ArgumentException">The settings have no open hours, or the business time is not reached within
    /// <see cref="MaxSearchDays"/> days, for example because holidays cover every open day.</exception>
    public static DateTimeOffset Add(ResponseSettings settings, TimeZoneInfo zone, DateTimeOffset from, TimeSpan businessTime)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(businessTime, TimeSpan.Zero);
        if (!settings.Hours.Any(hours => hours.Closes > hours.Opens))
        {
            throw new ArgumentException(
                "The response settings have no open hours on any weekday, so business time never passes. Set opening hours for at least one day.",
                nameof(settings));
        }

        if (businessTime == TimeSpan.Zero)
        {
            return from;
        }

        var firstDate = LocalDate(zone, from).AddDays(-1);
        var calendar = new OpenCalendar(settings, zone);
        var remaining = businessTime;
        for (var date = firstDate; date.DayNumber - firstDate.DayNumber <= MaxSearchDays; date = date.AddDays(1))
        {
            foreach (var (opens, closes) in calendar.IntervalsOn(date))
            {
                var start = opens > from ? opens : from;
                if (closes <= start)
                {
                    continue;
                }

                var length = closes - start;
                if (remaining <= length)
                {
                    return start + remaining;
                }

                remaining -= length;
            }
        }

        throw new ArgumentException(
            $"Business time of {businessTime} after {from:O} is not reached within {MaxSearchDays} days of the response settings' open hours. Check that holidays do not cover every open day.",
            nameof(settings));
    }

    private static DateOnly LocalDate(TimeZoneInfo zone, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
