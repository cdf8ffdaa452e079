using TermSync.Grains.Metrics;
using TermSync.Metrics;

namespace TermSync.Api.Features.Metrics.CustomerScope;

/// <summary>One vendor's share of a customer's receivables: the figures of that vendor's invoices to the customer, per currency.</summary>
/// <param name="Currencies">The figures of each currency, ordered by currency code.</param>
public sealed record VendorShare(string VendorId, IReadOnlyList<ReceivablesMetrics> Currencies)
{
    /// <summary>Computes the figures of each vendor's invoices among <paramref name="histories"/>, ordered by vendor id.</summary>
    public static IReadOnlyList<VendorShare> Compute(IEnumerable<InvoiceHistory> histories, DateOnly asOf, int windowDays) =>
        [.. histories
            .GroupBy(history => history.VendorId, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new VendorShare(group.Key, ReceivablesCalculator.ComputeByCurrency(group, asOf, windowDays)))];
}
