using TermSync.Metrics;

namespace TermSync.Grains.Metrics;

public static partial class ReceivablesCalculator
{
    /// <summary>
    /// Counts the invoices issued in W and not void by D, and those of them first questioned or disputed on or before D.
    /// The accuracy is 100 − the rounded rate, so the two reported percentages add up to exactly 100.
    /// </summary>
    private static DisputeRateFigures ComputeDisputeRate(IReceivablesSource source, MetricScope scope)
    {
        var (issued, queried) = source.IssuedBetween(scope.WindowStart, scope.WindowEnd, scope.AsOf);
        if (issued == 0)
        {
            return new DisputeRateFigures(scope, 0, 0, null, null);
        }

        var ratePercent = MetricRounding.Round(100m * queried / issued);
        return new DisputeRateFigures(scope, issued, queried, ratePercent, 100m - ratePercent);
    }
}
