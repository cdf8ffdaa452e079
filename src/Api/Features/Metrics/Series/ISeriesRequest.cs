namespace TermSync.Api.Features.Metrics.Series;

/// <summary>The query string of a receivables series, shared by the vendor and network routes.</summary>
public interface ISeriesRequest
{
    /// <summary>The first date of the range, YYYY-MM-DD; see <see cref="SeriesRange"/> for its default.</summary>
    DateOnly? From { get; }

    /// <summary>The last date of the range, YYYY-MM-DD, on or after <see cref="From"/>; today when omitted.</summary>
    DateOnly? To { get; }

    /// <summary><see cref="SeriesDates.Daily"/> or <see cref="SeriesDates.Monthly"/>; monthly when omitted.</summary>
    string? Interval { get; }

    /// <summary>The number of dates in the window ending with each point; 90 when omitted.</summary>
    int? WindowDays { get; }

    /// <summary>"json" (the default) or "csv".</summary>
    string? Format { get; }
}
