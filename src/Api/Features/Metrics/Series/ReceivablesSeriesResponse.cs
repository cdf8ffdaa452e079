using TermSync.Metrics;

namespace TermSync.Api.Features.Metrics.Series;

/// <summary>Receivables figures at each as-of date of a series, over the same window length.</summary>
/// <param name="VendorId">The vendor the figures cover, or null for the whole network.</param>
/// <param name="Interval">"daily" or "monthly".</param>
/// <param name="Points">One entry per as-of date, in date order.</param>
public sealed record ReceivablesSeriesResponse(string? VendorId, DateOnly From, DateOnly To, string Interval, int WindowDays, IReadOnlyList<ReceivablesSeriesPoint> Points);

/// <summary>The figures of every currency at one as-of date of a series, ordered by currency code.</summary>
/// <param name="Currencies">Empty when no invoice matters at the date.</param>
public sealed record ReceivablesSeriesPoint(DateOnly AsOf, IReadOnlyList<ReceivablesMetrics> Currencies);
