using TermSync.Metrics;

namespace TermSync.Grains.Metrics;

public static partial class ReceivablesCalculator
{
    /// <summary>Sums the remainders of invoices written off on a date in W; a write-off whose remainder is zero is not counted.</summary>
    private static WriteOffFigures ComputeWriteOffs(ReceivablesLedger ledger, MetricScope scope)
    {
        var count = 0;
        var amount = 0m;
        foreach (var invoice in ledger.Invoices)
        {
            if (invoice.WrittenOffOn is not { } writtenOffOn || writtenOffOn < scope.WindowStart || writtenOffOn > scope.WindowEnd)
            {
                continue;
            }

            if (invoice.WrittenOffAmount > 0m)
            {
                count++;
                amount += invoice.WrittenOffAmount;
            }
        }

        return new WriteOffFigures(scope, count, amount);
    }
}
