using TermSync.Metrics;

namespace TermSync.Grains.Metrics;

/// <summary>Computes where vendors stand against each other on the receivables figures, one distribution per currency.</summary>
public static class PeerDistributions
{
    /// <summary>
    /// Minimum number of vendors with a defined figure for its quartiles to be shown to a vendor. With fewer, they are
    /// withheld (null) and only the count is given. A quartile can equal one vendor's figure (for 5, 9, 13 … vendors
    /// all three do), so such a figure is one unnamed value among at least this many.
    /// </summary>
    public const int MinimumPeers = 10;

    private static readonly (string Name, Func<ReceivablesMetrics, decimal?> Read)[] Figures =
    [
        ("dso", metrics => metrics.Dso.Dso),
        ("bestPossibleDso", metrics => metrics.Dso.BestPossibleDso),
        ("averageDaysDelinquent", metrics => metrics.Dso.AverageDaysDelinquent),
        ("countbackDso", metrics => metrics.Dso.CountbackDso),
        ("ceiMonthly", metrics => metrics.Cei.Monthly.CeiPercent),
        ("ceiQuarterly", metrics => metrics.Cei.Quarterly.CeiPercent),
        ("averageDaysLate", metrics => metrics.PaymentBehaviour.AverageDaysLate),
        ("amountWeightedDaysLate", metrics => metrics.PaymentBehaviour.AmountWeightedDaysLate),
        ("averageDaysToPay", metrics => metrics.PaymentBehaviour.AverageDaysToPay),
        ("disputeRatePercent", metrics => metrics.DisputeRate.DisputeRatePercent),
    ];

    /// <summary>
    /// Computes the distribution of each currency found in <paramref name="vendorFigures"/>, ordered by currency code.
    /// With <paramref name="ownVendorId"/> set, each figure carries that vendor's own value and quartiles of fewer than
    /// <see cref="MinimumPeers"/> vendors are withheld.
    /// </summary>
    public static IReadOnlyList<PeerDistribution> Compute(
        IEnumerable<(string VendorId, ReceivablesMetrics Metrics)> vendorFigures, DateOnly asOf, int windowDays, string? ownVendorId = null)
    {
        ArgumentNullException.ThrowIfNull(vendorFigures);
        return [.. vendorFigures
            .GroupBy(figures => figures.Metrics.Scope.Currency, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Distribute(group.ToList(), new MetricScope(group.Key, asOf, windowDays), ownVendorId))];
    }

    /// <summary>Returns the p-th quantile (0 to 1) of sorted values, interpolating linearly between the two nearest ranks.</summary>
    public static decimal Quantile(IReadOnlyList<decimal> sorted, decimal p)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        var position = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    private static PeerDistribution Distribute(List<(string VendorId, ReceivablesMetrics Metrics)> vendors, MetricScope scope, string? ownVendorId)
    {
        var own = vendors.FirstOrDefault(vendor => vendor.VendorId == ownVendorId).Metrics;
        var figures = Figures.Select(figure =>
        {
            var values = vendors.Select(vendor => figure.Read(vendor.Metrics)).OfType<decimal>().Order().ToList();
            var quartilesShown = values.Count > 0 && (ownVendorId is null || values.Count >= MinimumPeers);
            return new FigureDistribution(
                figure.Name,
                values.Count,
                quartilesShown ? MetricRounding.Round(Quantile(values, 0.25m)) : null,
                quartilesShown ? MetricRounding.Round(Quantile(values, 0.5m)) : null,
                quartilesShown ? MetricRounding.Round(Quantile(values, 0.75m)) : null,
                own is null ? null : figure.Read(own));
        });
        return new PeerDistribution(scope, vendors.Count, [.. figures]);
    }
}
