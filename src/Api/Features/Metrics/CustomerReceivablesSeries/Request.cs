using TermSync.Api.Features.Metrics.Series;

namespace TermSync.Api.Features.Metrics.CustomerReceivablesSeries;

/// <summary>A network customer from the route, and the range, interval, window and format of its series from the query string.</summary>
public sealed record Request(string CustomerId, DateOnly? From, DateOnly? To, string? Interval, int? WindowDays, string? Format) : ISeriesRequest;
