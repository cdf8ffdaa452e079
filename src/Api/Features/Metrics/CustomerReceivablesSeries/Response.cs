using TermSync.Api.Features.Metrics.CustomerScope;
using TermSync.Metrics;

namespace TermSync.Api.Features.Metrics.CustomerReceivablesSeries;

/// <summary>The receivables figures of one customer across its vendors at each as-of date of a series, over the same window length.</summary>
/// <param name="Interval">"daily" or "monthly".</param>
/// <param name="Points">One entry per as-of date, in date order.</param>
public sealed record Response(string CustomerId, DateOnly From, DateOnly To, string Interval, int WindowDays, IReadOnlyList<Point> Points);

/// <summary>The customer's figures at one as-of date of a series and each vendor's share of them.</summary>
/// <param name="Currencies">The figures of each currency, ordered by currency code, and empty when no invoice of the customer matters at the date.</param>
/// <param name="Vendors">The figures of each vendor's invoices to the customer, ordered by vendor id.</param>
public sealed record Point(DateOnly AsOf, IReadOnlyList<ReceivablesMetrics> Currencies, IReadOnlyList<VendorShare> Vendors);
