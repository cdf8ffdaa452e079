using TermSync.Grains.Conversations;
using TermSync.Vendors;

namespace TermSync.Grains.Tests.Conversations;

public sealed class BusinessClockTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static readonly ResponseSettings Weekdays = ResponseSettings.Default;

    // 2026-03-06 is a Friday, and Berlin stays on CET (+01:00) until 2026-03-29.
    private static readonly DateTimeOffset FridayAfternoon = new(2026, 3, 6, 16, 30, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Friday_to_Monday_is_one_business_hour()
    {
        var answeredAt = new DateTimeOffset(2026, 3, 9, 9, 30, 0, TimeSpan.FromHours(1));

        var business = BusinessClock.Elapsed(Weekdays, Berlin, FridayAfternoon, answeredAt);

        Assert.Equal(TimeSpan.FromHours(1), business);
        Assert.Equal(TimeSpan.FromHours(65), answeredAt - FridayAfternoon);
    }

    [Fact]
    public void Friday_to_Monday_in_New_York()
    {
        // 2026-01-09 is a Friday, and New York is on EST (-05:00) all of January.
        var askedAt = new DateTimeOffset(2026, 1, 9, 16, 30, 0, TimeSpan.FromHours(-5));
        var answeredAt = new DateTimeOffset(2026, 1, 12, 9, 30, 0, TimeSpan.FromHours(-5));

        Assert.Equal(TimeSpan.FromHours(1), BusinessClock.Elapsed(Weekdays, NewYork, askedAt, answeredAt));
        Assert.Equal(TimeSpan.FromHours(1), BusinessClock.Elapsed(Weekdays, NewYork, askedAt.ToUniversalTime(), answeredAt.ToUniversalTime()));
    }

    [Fact]
    public void Holiday_Monday_skips_to_Tuesday()
    {
        var settings = Weekdays with { Holidays = [new DateOnly(2026, 3, 9)] };
        var answeredMonday = new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.FromHours(1));
        var answeredTuesday = new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromMinutes(30), BusinessClock.Elapsed(settings, Berlin, FridayAfternoon, answeredMonday));
        Assert.Equal(TimeSpan.FromHours(1), BusinessClock.Elapsed(settings, Berlin, FridayAfternoon, answeredTuesday));
        Assert.Equal(answeredTuesday, BusinessClock.Add(settings, Berlin, FridayAfternoon, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Span_across_spring_forward()
    {
        // Berlin moves from 02:00 CET to 03:00 CEST on Sunday 2026-03-29.
        var askedAt = new DateTimeOffset(2026, 3, 27, 16, 0, 0, TimeSpan.FromHours(1));
        var answeredAt = new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal(TimeSpan.FromHours(2), BusinessClock.Elapsed(Weekdays, Berlin, askedAt, answeredAt));
        Assert.Equal(TimeSpan.FromHours(65), answeredAt - askedAt);
    }

    [Fact]
    public void Span_across_fall_back()
    {
        // New York moves from 02:00 EDT back to 01:00 EST on Sunday 2026-11-01.
        var askedAt = new DateTimeOffset(2026, 10, 30, 16, 0, 0, TimeSpan.FromHours(-4));
        var answeredAt = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal(TimeSpan.FromHours(2), BusinessClock.Elapsed(Weekdays, NewYork, askedAt, answeredAt));
        Assert.Equal(TimeSpan.FromHours(67), answeredAt - askedAt);
        Assert.Equal(answeredAt, BusinessClock.Add(Weekdays, NewYork, askedAt, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Opening_in_skipped_hour_starts_at_change()
    {
        // On 2026-03-29 Berlin skips 02:00 to 03:00, so 02:30 opens at 03:00 CEST (01:00 UTC). 05:00 CEST is 03:00 UTC.
        var settings = Sunday(new TimeOnly(2, 30), new TimeOnly(5, 0));
        var saturday = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);
        var monday = new DateTimeOffset(2026, 3, 30, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(2), BusinessClock.Elapsed(settings, Berlin, saturday, monday));
        Assert.Equal(
            new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero),
            BusinessClock.Add(settings, Berlin, saturday, TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Interval_inside_skipped_hour_is_empty()
    {
        var settings = Sunday(new TimeOnly(2, 10), new TimeOnly(2, 50));
        var saturday = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);
        var monday = new DateTimeOffset(2026, 3, 30, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.Zero, BusinessClock.Elapsed(settings, Berlin, saturday, monday));
    }

    [Fact]
    public void Ambiguous_opening_uses_first_occurrence()
    {
        // On 2026-10-25 Berlin goes back from 03:00 CEST to 02:00 CET. 02:30 first occurs at 00:30 UTC, and 04:00 CET is 03:00 UTC.
        var settings = Sunday(new TimeOnly(2, 30), new TimeOnly(4, 0));
        var saturday = new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero);
        var monday = new DateTimeOffset(2026, 10, 26, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(2.5), BusinessClock.Elapsed(settings, Berlin, saturday, monday));
        Assert.Equal(
            new DateTimeOffset(2026, 10, 25, 1, 0, 0, TimeSpan.Zero),
            BusinessClock.Add(settings, Berlin, saturday, TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Add_eight_hours_from_Friday_afternoon()
    {
        var due = BusinessClock.Add(Weekdays, Berlin, FridayAfternoon, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 16, 30, 0, TimeSpan.FromHours(1)), due);
        Assert.Equal(TimeSpan.FromHours(8), BusinessClock.Elapsed(Weekdays, Berlin, FridayAfternoon, due));
    }

    [Fact]
    public void Add_ending_at_closing_returns_closing()
    {
        var due = BusinessClock.Add(Weekdays, Berlin, FridayAfternoon, TimeSpan.FromMinutes(30));

        Assert.Equal(new DateTimeOffset(2026, 3, 6, 17, 0, 0, TimeSpan.FromHours(1)), due);
    }

    [Fact]
    public void Start_outside_business_hours()
    {
        var saturdayNoon = new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.FromHours(1));
        var mondayEarly = new DateTimeOffset(2026, 3, 9, 7, 0, 0, TimeSpan.FromHours(1));
        var mondayTen = new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.FromHours(1));
        var mondayEvening = new DateTimeOffset(2026, 3, 9, 20, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromHours(1), BusinessClock.Elapsed(Weekdays, Berlin, saturdayNoon, mondayTen));
        Assert.Equal(TimeSpan.Zero, BusinessClock.Elapsed(Weekdays, Berlin, saturdayNoon, mondayEarly));
        Assert.Equal(mondayTen, BusinessClock.Add(Weekdays, Berlin, saturdayNoon, TimeSpan.FromHours(1)));
        Assert.Equal(mondayTen, BusinessClock.Add(Weekdays, Berlin, mondayEarly, TimeSpan.FromHours(1)));
        Assert.Equal(
            new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(1)),
            BusinessClock.Add(Weekdays, Berlin, mondayEvening, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Custom_hours_Saturday_only()
    {
        var settings = new ResponseSettings([new BusinessHours(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(14, 0))], [], null);
        var fridayNoon = new DateTimeOffset(2026, 3, 6, 12, 0, 0, TimeSpan.FromHours(1));
        var nextMondayNoon = new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.FromHours(1));
        var saturdayNine = new DateTimeOffset(2026, 3, 7, 9, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromHours(4), BusinessClock.Elapsed(settings, Berlin, fridayNoon, nextMondayNoon));
        Assert.Equal(
            new DateTimeOffset(2026, 3, 14, 11, 0, 0, TimeSpan.FromHours(1)),
            BusinessClock.Add(settings, Berlin, saturdayNine, TimeSpan.FromHours(5)));
    }

    [Fact]
    public void Overlapping_entries_count_once()
    {
        var settings = new ResponseSettings(
            [
                new BusinessHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0)),
                new BusinessHours(DayOfWeek.Monday, new TimeOnly(11, 0), new TimeOnly(13, 0)),
                new BusinessHours(DayOfWeek.Monday, new TimeOnly(15, 0), new TimeOnly(16, 0)),
            ],
            [],
            null);

        Assert.Equal(TimeSpan.FromHours(5), BusinessClock.Elapsed(settings, Berlin, FridayAfternoon, FridayAfternoon.AddDays(4)));
    }

    [Fact]
    public void End_not_after_start_is_zero()
    {
        Assert.Equal(TimeSpan.Zero, BusinessClock.Elapsed(Weekdays, Berlin, FridayAfternoon, FridayAfternoon));
        Assert.Equal(TimeSpan.Zero, BusinessClock.Elapsed(Weekdays, Berlin, FridayAfternoon, FridayAfternoon.AddHours(-3)));
    }

    [Fact]
    public void Add_zero_returns_start()
    {
        var saturdayNoon = new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(saturdayNoon, BusinessClock.Add(Weekdays, Berlin, saturdayNoon, TimeSpan.Zero));
    }

    [Fact]
    public void Add_without_open_hours_throws()
    {
        var closed = new ResponseSettings([], [], null);

        var error = Assert.Throws<ArgumentException>(() => BusinessClock.Add(closed, Berlin, FridayAfternoon, TimeSpan.FromHours(1)));

        Assert.Equal("settings", error.ParamName);
        Assert.Contains("no open hours", error.Message);
    }

    [Fact]
    public void Add_beyond_search_bound_throws()
    {
        var everyMonday = Enumerable.Range(0, (BusinessClock.MaxSearchDays / 7) + 2)
            .Select(week => new DateOnly(2026, 3, 9).AddDays(7 * week))
            .ToList();
        var settings = new ResponseSettings([new BusinessHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0))], everyMonday, null);

        var error = Assert.Throws<ArgumentException>(() => BusinessClock.Add(settings, Berlin, FridayAfternoon, TimeSpan.FromHours(1)));

        Assert.Contains("not reached within", error.Message);
    }

    [Fact]
    public void Add_negative_time_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessClock.Add(Weekdays, Berlin, FridayAfternoon, TimeSpan.FromHours(-1)));
    }

    [Fact]
    public void Add_then_Elapsed_round_trips()
    {
        var starts = new[]
        {
            new DateTimeOffset(2026, 3, 26, 8, 17, 0, TimeSpan.FromHours(1)),
            new DateTimeOffset(2026, 3, 8, 23, 59, 0, TimeSpan.FromHours(-5)),
            new DateTimeOffset(2026, 10, 29, 16, 59, 59, TimeSpan.Zero),
        };
        var durations = new[] { TimeSpan.FromMinutes(1), TimeSpan.FromHours(7.75), TimeSpan.FromHours(8), TimeSpan.FromHours(41.5) };
        var settings = Weekdays with { Holidays = [new DateOnly(2026, 3, 30), new DateOnly(2026, 11, 2)] };

        foreach (var zone in new[] { Berlin, NewYork })
        {
            foreach (var start in starts)
            {
                foreach (var duration in durations)
                {
                    var end = BusinessClock.Add(settings, zone, start, duration);
                    Assert.Equal(duration, BusinessClock.Elapsed(settings, zone, start, end));
                }
            }
        }
    }

    private static ResponseSettings Sunday(TimeOnly opens, TimeOnly closes) =>
        new([new BusinessHours(DayOfWeek.Sunday, opens, closes)], [], null);
}
