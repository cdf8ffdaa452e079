namespace TermSync.Api.Features.Vendors.Metrics.CustomerReceivables;

/// <summary>A vendor and a network customer from the route, and the window of the figures from the query string.</summary>
/// <param name="AsOf">The last date of the window, YYYY-MM-DD, or today in the vendor's time zone when omitted.</param>
/// <param name="WindowDays">The number of dates in the window ending with <paramref name="AsOf"/>, or 90 when omitted.</param>
public sealed record Request(string VendorId, string CustomerId, DateOnly? AsOf, int? WindowDays) : IMetricsWindow;
