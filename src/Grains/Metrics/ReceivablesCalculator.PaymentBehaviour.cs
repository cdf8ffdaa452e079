using TermSync.Metrics;

namespace TermSync.Grains.Metrics;

public static partial class ReceivablesCalculator
{
    /// <summary>
    /// Averages lateness and time to pay over the invoices settled on a date in W and still settled at D. Days late are
    /// max(0, settlement date − due date); the weighted figure weights each invoice by its issued amount.
    /// </summary>
    private static PaymentBehaviourFigures ComputePaymentBehaviour(ReceivablesLedger ledger, MetricScope scope)
    {
        var count = 0;
        var daysLateSum = 0m;
        var weightedDaysLateSum = 0m;
        var weightSum = 0m;
        var daysToPaySum = 0m;

        foreach (var invoice in ledger.Invoices)
        {
            if (invoice.SettledOn(scope.AsOf) is not { } settledOn || settledOn < scope.WindowStart)
            {
                continue;
            }

            var daysLate = Math.Max(0, settledOn.DayNumber - invoice.History.DueDate.DayNumber);
            count++;
            daysLateSum += daysLate;
            weightedDaysLateSum += invoice.History.IssuedAmount * daysLate;
            weightSum += invoice.History.IssuedAmount;
            daysToPaySum += settledOn.DayNumber - invoice.History.IssueDate.DayNumber;
        }

        if (count == 0)
        {
            return new PaymentBehaviourFigures(scope, 0, null, null, null);
        }

        return new PaymentBehaviourFigures(
            scope,
            count,
            MetricRounding.Round(daysLateSum / count),
            MetricRounding.Round(weightedDaysLateSum / weightSum),
            MetricRounding.Round(daysToPaySum / count));
    }
}
