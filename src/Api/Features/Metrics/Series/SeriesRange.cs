using FluentValidation.Results;
using TermSync.Api.Features.Vendors.Metrics;

namespace TermSync.Api.Features.Metrics.Series;

/// <summary>
/// The range and interval of a series after defaults. The interval defaults to monthly and the to date to today. The
/// from date defaults to the first day of the month 11 months before to's month for a monthly series (12 points), and
/// to 29 days before the to date for a daily one (30 points).
/// </summary>
public sealed record SeriesRange(DateOnly From, DateOnly To, string Interval, int WindowDays)
{
    /// <summary>Fills in the defaults of <paramref name="request"/>, with <paramref name="today"/> as the default to date.</summary>
    public static SeriesRange Resolve(ISeriesRequest request, DateOnly today)
    {
        var interval = (request.Interval ?? SeriesDates.Monthly).ToLowerInvariant();
        var to = request.To ?? today;
        var from = request.From ?? DefaultFrom(to, interval);
        return new SeriesRange(from, to, interval, request.WindowDays ?? MetricsRequest.DefaultWindowDays);
    }

    /// <summary>
    /// Checks what needs the resolved dates: from on or before to, a first window that starts on or after 0001-01-01,
    /// and no more points than the interval allows.
    /// </summary>
    public IReadOnlyList<ValidationFailure> Check()
    {
        if (From > To)
        {
            return [new ValidationFailure("from", $"The from date {From:yyyy-MM-dd} is after the to date {To:yyyy-MM-dd}; send a from on or before to.")];
        }

        var failures = new List<ValidationFailure>();
        if (From.DayNumber + 1 < WindowDays)
        {
            failures.Add(new ValidationFailure("from", $"A window of {WindowDays} days ending {From:yyyy-MM-dd} would start before 0001-01-01; send a later from or a smaller windowDays."));
        }

        var count = SeriesDates.Count(From, To, Interval);
        var max = SeriesDates.MaxPoints(Interval);
        if (count > max)
        {
            failures.Add(new ValidationFailure("to",
                $"A {Interval} series from {From:yyyy-MM-dd} to {To:yyyy-MM-dd} has {count} points, more than the maximum of {max}; " +
                "send a from and to closer together, or interval=monthly for a long range."));
        }

        return failures;
    }

    /// <summary>Lists the as-of dates of the range.</summary>
    public IReadOnlyList<DateOnly> Dates() => SeriesDates.Between(From, To, Interval);

    private static DateOnly DefaultFrom(DateOnly to, string interval)
    {
        if (interval == SeriesDates.Daily)
        {
            return to.DayNumber >= 29 ? to.AddDays(-29) : DateOnly.MinValue;
        }

        var monthStart = new DateOnly(to.Year, to.Month, 1);
        var monthsSinceMinValue = ((to.Year - 1) * 12) + to.Month - 1;
        return monthStart.AddMonths(-Math.Min(11, monthsSinceMinValue));
    }
}
