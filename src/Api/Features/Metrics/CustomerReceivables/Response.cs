using TermSync.Api.Features.Metrics.CustomerScope;
using TermSync.Metrics;

namespace TermSync.Api.Features.Metrics.CustomerReceivables;

/// <summary>
/// The receivables figures of one customer's invoices from all of its vendors at one as-of date over one window, and
/// each vendor's share of them.
/// </summary>
/// <param name="Currencies">The figures of each currency, ordered by currency code, and empty when no invoice of the customer matters at the date.</param>
/// <param name="Vendors">The figures of each vendor's invoices to the customer, ordered by vendor id.</param>
public sealed record Response(string CustomerId, DateOnly AsOf, int WindowDays, IReadOnlyList<ReceivablesMetrics> Currencies, IReadOnlyList<VendorShare> Vendors);
