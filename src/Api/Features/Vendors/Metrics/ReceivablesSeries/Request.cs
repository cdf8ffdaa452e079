using TermSync.Api.Features.Metrics.Series;

namespace TermSync.Api.Features.Vendors.Metrics.ReceivablesSeries;

/// <summary>A vendor from the route and the range, interval, window and format of its series from the query string.</summary>
public sealed record Request(string VendorId, DateOnly? From, DateOnly? To, string? Interval, int? WindowDays, string? Format) : ISeriesRequest;
