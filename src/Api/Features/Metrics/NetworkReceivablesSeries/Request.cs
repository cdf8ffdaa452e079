using TermSync.Api.Features.Metrics.Series;

namespace TermSync.Api.Features.Metrics.NetworkReceivablesSeries;

/// <summary>The range, interval, window and format of a network-wide series, from the query string.</summary>
public sealed record Request(DateOnly? From, DateOnly? To, string? Interval, int? WindowDays, string? Format) : ISeriesRequest;
