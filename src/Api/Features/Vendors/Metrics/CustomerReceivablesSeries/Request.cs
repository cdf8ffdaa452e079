using TermSync.Api.Features.Metrics.Series;

namespace TermSync.Api.Features.Vendors.Metrics.CustomerReceivablesSeries;

/// <summary>A vendor and a network customer from the route, and the range, interval, window and format of the series from the query string.</summary>
public sealed record Request(string VendorId, string CustomerId, DateOnly? From, DateOnly? To, string? Interval, int? WindowDays, string? Format) : ISeriesRequest;
