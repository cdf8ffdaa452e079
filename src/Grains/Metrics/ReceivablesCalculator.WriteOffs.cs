using TermSync.Metrics;

namespace TermSync.Grains.Metrics;

public static partial class ReceivablesCalculator
{
    /// <summary>Sums the remainders of invoices written off on a date in W; a write-off whose remainder is zero is not counted.</summary>
    private static WriteOffFigures ComputeWriteOffs(IReceivablesSource source, MetricScope scope)
    {
        var (count, amount) = source.WrittenOffBetween(scope.WindowStart, scope.WindowEnd);
        return new WriteOffFigures(scope, count, amount);
    }
}
