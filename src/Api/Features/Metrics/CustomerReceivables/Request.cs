using TermSync.Api.Features.Vendors.Metrics;

namespace TermSync.Api.Features.Metrics.CustomerReceivables;

/// <summary>A network customer from the route, and the as-of date and window of its figures from the query string.</summary>
/// <param name="AsOf">The as-of date, YYYY-MM-DD, or today in UTC when omitted.</param>
/// <param name="WindowDays">The number of dates in the window ending with <paramref name="AsOf"/>, or 90 when omitted.</param>
public sealed record Request(string CustomerId, DateOnly? AsOf, int? WindowDays) : IMetricsWindow;
