using TermSync.Api.Features.Vendors.Metrics;

namespace TermSync.Api.Features.Metrics.NetworkReceivables;

/// <summary>The as-of date and window of network-wide receivables figures, from the query string.</summary>
/// <param name="AsOf">The as-of date, YYYY-MM-DD; today in UTC when omitted.</param>
/// <param name="WindowDays">The number of dates in the window ending with <paramref name="AsOf"/>; 90 when omitted.</param>
public sealed record Request(DateOnly? AsOf, int? WindowDays) : IMetricsWindow;
