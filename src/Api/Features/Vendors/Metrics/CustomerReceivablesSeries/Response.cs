using TermSync.Api.Features.Metrics.Series;

namespace TermSync.Api.Features.Vendors.Metrics.CustomerReceivablesSeries;

/// <summary>The receivables figures of one vendor's invoices to one customer at each as-of date of a series, over the same window length.</summary>
/// <param name="Interval">"daily" or "monthly".</param>
/// <param name="Points">One entry per as-of date, in date order.</param>
public sealed record Response(
    string VendorId, string CustomerId, DateOnly From, DateOnly To, string Interval, int WindowDays, IReadOnlyList<ReceivablesSeriesPoint> Points);
