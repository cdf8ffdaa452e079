using System.Globalization;
using TermSync.Digests;

namespace TermSync.Grains.Digests;

/// <summary>
/// Computes a customer's slots from its preferences. A slot is a local date and time. Its instant uses the time
/// zone's offset on that date, so a 06:00 digest stays at 06:00 local across daylight-saving changes.
/// </summary>
public sealed class DigestCalendar(DigestPreferences preferences, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone => zone;

    /// <summary>Returns the time zone named by the preferences, else the customer's, else UTC.</summary>
    public static TimeZoneInfo ResolveZone(DigestPreferences preferences, string? customerTimeZone)
    {
        foreach (var id in new[] { preferences.TimeZone, customerTimeZone })
        {
            if (id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
            {
                return found;
            }
        }

        return TimeZoneInfo.Utc;
    }

    /// <summary>Returns the date in the customer's time zone at <paramref name="instant"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// Returns the instant of <paramref name="date"/> at the preferred local time. A time skipped by a clock change
    /// moves forward by the change, and a time that occurs twice takes its first occurrence.
    /// </summary>
    public DateTimeOffset InstantOf(DateOnly date)
    {
        var local = date.ToDateTime(preferences.LocalTime, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The offset in force before the gap maps the skipped time to the same distance after it.
            var before = new DateTimeOffset(local, zone.GetUtcOffset(local.AddHours(-6)));
            return TimeZoneInfo.ConvertTime(before, zone);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>Returns the latest slot date on or before <paramref name="date"/>: the start of its period.</summary>
    public DateOnly PeriodStart(DateOnly date) => preferences.Frequency switch
    {
        DigestFrequency.TwiceWeekly => Max(LastWeekday(date, preferences.Weekday), LastWeekday(date, preferences.SecondWeekday)),
        DigestFrequency.Monthly => date.Day >= preferences.DayOfMonth
            ? new DateOnly(date.Year, date.Month, preferences.DayOfMonth)
            : new DateOnly(date.Year, date.Month, preferences.DayOfMonth).AddMonths(-1),
        _ => LastWeekday(date, preferences.Weekday),
    };

    /// <summary>Returns the first slot date after <paramref name="date"/>.</summary>
    public DateOnly NextSlotDate(DateOnly date) => preferences.Frequency switch
    {
        DigestFrequency.TwiceWeekly => Min(NextWeekday(date, preferences.Weekday), NextWeekday(date, preferences.SecondWeekday)),
        DigestFrequency.Monthly => PeriodStart(date).AddMonths(1),
        _ => NextWeekday(date, preferences.Weekday),
    };

    /// <summary>Returns the first slot instant strictly after <paramref name="now"/>.</summary>
    public DateTimeOffset NextSlot(DateTimeOffset now)
    {
        var date = PeriodStart(LocalDate(now));
        while (InstantOf(date) <= now)
        {
            date = NextSlotDate(date);
        }

        return InstantOf(date);
    }

    /// <summary>Returns the first instant strictly after <paramref name="now"/> at the preferred local time, on any day.</summary>
    public DateTimeOffset NextCheck(DateTimeOffset now)
    {
        var date = LocalDate(now);
        while (InstantOf(date) <= now)
        {
            date = date.AddDays(1);
        }

        return InstantOf(date);
    }

    /// <summary>Formats a period or slot date as its key, for example "2026-12-07".</summary>
    public static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly LastWeekday(DateOnly date, DayOfWeek day) => date.AddDays(-(((int)date.DayOfWeek - (int)day + 7) % 7));

    private static DateOnly NextWeekday(DateOnly date, DayOfWeek day) => LastWeekday(date, day).AddDays(7);

    private static DateOnly Max(DateOnly first, DateOnly second) => first > second ? first : second;

    private static DateOnly Min(DateOnly first, DateOnly second) => first < second ? first : second;
}
