using TermSync.Vendors;

namespace TermSync.Grains.Conversations;

/// <summary>The open intervals of each local date under a vendor's response settings, as instants.</summary>
internal sealed class OpenCalendar(ResponseSettings settings, TimeZoneInfo zone)
{
    private readonly HashSet<DateOnly> holidays = [.. settings.Holidays];

    private readonly ILookup<DayOfWeek, BusinessHours> hoursByDay = settings.Hours
        .Where(hours => hours.Closes > hours.Opens)
        .OrderBy(hours => hours.Opens)
        .ToLookup(hours => hours.Day);

    /// <summary>
    /// Returns the open intervals of <paramref name="date"/> in ascending order, without overlaps and without empty ones.
    /// Several entries for one weekday are merged where they overlap, so no instant counts twice.
    /// </summary>
    public IReadOnlyList<(DateTimeOffset Opens, DateTimeOffset Closes)> IntervalsOn(DateOnly date)
    {
        if (holidays.Contains(date))
        {
            return [];
        }

        var intervals = new List<(DateTimeOffset Opens, DateTimeOffset Closes)>();
        foreach (var hours in hoursByDay[date.DayOfWeek])
        {
            var opens = ZoneTime.ToInstant(zone, date.ToDateTime(hours.Opens));
            var closes = ZoneTime.ToInstant(zone, date.ToDateTime(hours.Closes));
            if (closes <= opens)
            {
                continue;
            }

            if (intervals.Count > 0 && opens <= intervals[^1].Closes)
            {
                var last = intervals[^1];
                intervals[^1] = (last.Opens, closes > last.Closes ? closes : last.Closes);
            }
            else
            {
                intervals.Add((opens, closes));
            }
        }

        return intervals;
    }
}
