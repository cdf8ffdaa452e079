namespace TermSync.Api.Features.Metrics.Series;

/// <summary>The part of the receivables series endpoints' descriptions that both share.</summary>
internal static class SeriesDescription
{
    public const string Common =
        "Returns the receivables figures at each as-of date from 'from' to 'to', both included, each over the windowDays dates ending with it (90 by default). " +
        "interval defaults to monthly and to to today. from defaults to the first day of the month 11 months before to's month for a monthly series, " +
        "12 points, and to 29 days before to for a daily one, 30 points. " +
        "interval=daily gives every date of the range, at most 400 points. interval=monthly gives the last day of each month in the range, " +
        "and 'to' as the last point when it is not a month's last day, at most 120 points. Each point equals what the as-of endpoint returns for its date. " +
        "format=csv, or an Accept header of text/csv, returns a CSV attachment (RFC 4180, invariant culture) with a header row and one row per date and currency; " +
        "a null figure is an empty cell.";
}
