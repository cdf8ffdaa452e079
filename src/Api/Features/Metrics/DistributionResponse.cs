using TermSync.Grains.Ledger;
using TermSync.Grains.Metrics;
using TermSync.Grains.Metrics.Live;
using TermSync.Metrics;
using TermSync.Silo.Ledger;

namespace TermSync.Api.Features.Metrics;

/// <summary>Where vendors stand against each other at one as-of date over one window, one entry per currency.</summary>
/// <param name="VendorId">The reading vendor, whose own figures are included, or null for the network's readers.</param>
/// <param name="Source">"live" for today's running totals, "ledger" for figures computed from the ledger.</param>
public sealed record DistributionResponse(string? VendorId, DateOnly AsOf, int WindowDays, IReadOnlyList<PeerDistribution> Currencies, string Source)
{
    /// <summary>
    /// Reads the distribution from the network's running totals when <paramref name="live"/> is set and they can give it,
    /// and otherwise computes every vendor's figures from the ledger.
    /// </summary>
    public static async Task<DistributionResponse> ReadAsync(
        IClusterClient cluster, ReceivablesLedgerReader ledger, string? ownVendorId, DateOnly asOf, int windowDays, bool live, CancellationToken cancellationToken)
    {
        if (live && await cluster.GetGrain<INetworkReceivablesGrain>(INetworkReceivablesGrain.Key).GetDistributionAsync(asOf, windowDays, ownVendorId) is { } fromTotals)
        {
            return new DistributionResponse(ownVendorId, asOf, windowDays, fromTotals, ReceivablesResponse.Live);
        }

        var histories = await ledger.LoadNetworkAsync(asOf, windowDays, cancellationToken);
        var vendorFigures = histories
            .GroupBy(history => history.VendorId, StringComparer.Ordinal)
            .SelectMany(vendor => ReceivablesCalculator.ComputeByCurrency(vendor, asOf, windowDays).Select(metrics => (vendor.Key, metrics)));
        var distributions = PeerDistributions.Compute(vendorFigures, asOf, windowDays, ownVendorId);
        return new DistributionResponse(ownVendorId, asOf, windowDays, distributions, ReceivablesResponse.Ledger);
    }
}
