using TermSync.Metrics;

namespace TermSync.Grains.Metrics.Live;

/// <summary>
/// Today's receivables figures of the whole network, in the one grain keyed <see cref="Key"/>: the sum of every vendor's
/// running totals, as each vendor grain last sent them, and the spread of the vendors' figures.
/// </summary>
[Alias("termsync.INetworkReceivablesGrain")]
public interface INetworkReceivablesGrain : IGrainWithIntegerKey
{
    /// <summary>The key of the only grain of this type.</summary>
    const long Key = 0;

    /// <summary>Replaces a vendor's totals in the sums, unless a newer copy from the same activation was applied.</summary>
    [Alias("ReplaceVendor")]
    Task ReplaceVendorAsync(VendorTotals totals);

    /// <summary>Returns the network's figures per currency at <paramref name="asOf"/>, or null when the running totals cannot give them.</summary>
    [Alias("GetFigures")]
    Task<IReadOnlyList<ReceivablesMetrics>?> GetFiguresAsync(DateOnly asOf, int windowDays);

    /// <summary>
    /// Returns the distribution of vendors' figures per currency at <paramref name="asOf"/>, or null when the running
    /// totals cannot give them. With <paramref name="ownVendorId"/>, the rules of <see cref="PeerDistributions.Compute"/> for a vendor apply.
    /// </summary>
    [Alias("GetDistribution")]
    Task<IReadOnlyList<PeerDistribution>?> GetDistributionAsync(DateOnly asOf, int windowDays, string? ownVendorId);
}
