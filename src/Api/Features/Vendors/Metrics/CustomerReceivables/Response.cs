using TermSync.Metrics;

namespace TermSync.Api.Features.Vendors.Metrics.CustomerReceivables;

/// <summary>
/// The receivables figures of one vendor's invoices to one customer at one as-of date over one window, one entry per
/// currency found, ordered by currency code.
/// </summary>
/// <param name="Currencies">The figures of each currency, empty when no invoice of the vendor to the customer matters at the date.</param>
public sealed record Response(string VendorId, string CustomerId, DateOnly AsOf, int WindowDays, IReadOnlyList<ReceivablesMetrics> Currencies);
