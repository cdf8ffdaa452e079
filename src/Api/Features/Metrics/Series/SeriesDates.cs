namespace TermSync.Api.Features.Metrics.Series;

/// <summary>The as-of dates of a series between two dates, both included.</summary>
public static class SeriesDates
{
    public const string Daily = "daily";

    public const string Monthly = "monthly";

    /// <summary>The maximum number of points of a daily series, about 13 months.</summary>
    public const int MaxDailyPoints = 400;

    /// <summary>The maximum number of points of a monthly series, ten years.</summary>
    public const int MaxMonthlyPoints = 120;

    /// <summary>Returns whether <paramref name="interval"/> is <see cref="Daily"/> or <see cref="Monthly"/>, in any letter case.</summary>
    public static bool IsInterval(string? interval) =>
        string.Equals(interval, Daily, StringComparison.OrdinalIgnoreCase) || string.Equals(interval, Monthly, StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the maximum number of points of <paramref name="interval"/>.</summary>
    public static int MaxPoints(string interval) => IsMonthly(interval) ? MaxMonthlyPoints : MaxDailyPoints;

    /// <summary>Returns how many points <see cref="Between"/> gives, without listing them.</summary>
    public static int Count(DateOnly from, DateOnly to, string interval)
    {
        if (from > to)
        {
            return 0;
        }

        if (!IsMonthly(interval))
        {
            return to.DayNumber - from.DayNumber + 1;
        }

        // Each month before the to date's month gives its last day, and the to date's month gives the to date itself,
        // so there is one point per calendar month of the range.
        return ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
    }

    /// <summary>
    /// Lists the as-of dates from <paramref name="from"/> to <paramref name="to"/>: every date for a daily series, and
    /// for a monthly one the last day of each month in the range, with <paramref name="to"/> last when it is not a
    /// month's last day.
    /// </summary>
    public static IReadOnlyList<DateOnly> Between(DateOnly from, DateOnly to, string interval)
    {
        var dates = new List<DateOnly>();
        if (!IsMonthly(interval))
        {
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                dates.Add(date);
                if (date == DateOnly.MaxValue)
                {
                    break;
                }
            }

            return dates;
        }

        var monthStart = new DateOnly(from.Year, from.Month, 1);
        while (true)
        {
            var monthEnd = monthStart.AddDays(DateTime.DaysInMonth(monthStart.Year, monthStart.Month) - 1);
            if (monthEnd >= to)
            {
                dates.Add(to);
                return dates;
            }

            dates.Add(monthEnd);
            monthStart = monthEnd.AddDays(1);
        }
    }

    private static bool IsMonthly(string interval) => string.Equals(interval, Monthly, StringComparison.OrdinalIgnoreCase);
}
