using TermSync.Metrics;

namespace TermSync.Grains.Metrics;

public static partial class ReceivablesCalculator
{
    /// <summary>
    /// Averages lateness and time to pay over the invoices settled on a date in W and still settled at D. Days late are
    /// max(0, settlement date − due date); the weighted figure weights each invoice by its issued amount.
    /// </summary>
    private static PaymentBehaviourFigures ComputePaymentBehaviour(IReceivablesSource source, MetricScope scope)
    {
        var settled = source.SettledBetween(scope.WindowStart, scope.AsOf);
        if (settled.Count == 0)
        {
            return new PaymentBehaviourFigures(scope, 0, null, null, null);
        }

        return new PaymentBehaviourFigures(
            scope,
            settled.Count,
            MetricRounding.Round(settled.DaysLate / settled.Count),
            MetricRounding.Round(settled.WeightedDaysLate / settled.Weight),
            MetricRounding.Round(settled.DaysToPay / settled.Count));
    }
}
