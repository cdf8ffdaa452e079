using TermSync.Metrics;
using TermSync.Money;

namespace TermSync.Grains.Metrics;

/// <summary>
/// Computes receivables metrics from invoice histories for any as-of date D and window W of N days, by the written
/// definitions: open amounts at the end of D, aging by days past due, DSO, BPDSO, ADD and countback DSO, CEI, payment
/// behaviour, dispute rate and write-offs. It keeps no state, so a payment posted late with an earlier date changes
/// every figure computed afterwards for the dates it falls on.
/// </summary>
/// <remarks>
/// A void reverses the sale on its date. The invoice is open before the void date and has open amount zero from it on.
/// Its issued amount subtracts from credit sales on the void date, as a credit note would. A void is never a payment, a
/// settlement or a write-off, and an invoice void by D leaves the dispute-rate population. A write-off closes the invoice
/// from its date, and payments dated after it do not reopen it.
/// </remarks>
public static partial class ReceivablesCalculator
{
    /// <summary>Window length N in days when a request names none.</summary>
    public const int DefaultWindowDays = 90;

    /// <summary>Computes every figure for the invoices of one currency.</summary>
    /// <exception cref="ArgumentException">A history is in another currency, repeats an invoice or is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowDays"/> is below 1.</exception>
    public static ReceivablesMetrics Compute(string currency, IEnumerable<InvoiceHistory> histories, DateOnly asOf, int windowDays = DefaultWindowDays)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        if (!Currencies.IsKnown(currency))
        {
            throw new ArgumentException($"Unknown currency code '{currency}'. Send an upper-case ISO 4217 code such as USD.", nameof(currency));
        }

        return Compute(CreateLedger(currency, histories), new MetricScope(currency, asOf, windowDays));
    }

    /// <summary>Computes every figure from the sums of one currency's invoices.</summary>
    internal static ReceivablesMetrics Compute(IReceivablesSource source, MetricScope scope)
    {
        var aging = source.AgingAt(scope.AsOf);
        return new ReceivablesMetrics(
            scope,
            ComputeAging(aging, scope),
            ComputeDso(source, aging, scope),
            ComputeCei(source, aging, scope),
            ComputePaymentBehaviour(source, scope),
            ComputeDisputeRate(source, scope),
            ComputeWriteOffs(source, scope));
    }

    /// <summary>Computes every figure once per currency found in <paramref name="histories"/>, ordered by currency code.</summary>
    /// <exception cref="ArgumentException">A history repeats an invoice or is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowDays"/> is below 1.</exception>
    public static IReadOnlyList<ReceivablesMetrics> ComputeByCurrency(IEnumerable<InvoiceHistory> histories, DateOnly asOf, int windowDays = DefaultWindowDays)
    {
        ArgumentNullException.ThrowIfNull(histories);

        return [.. histories
            .GroupBy(history => history.Currency, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Compute(group.Key, group, asOf, windowDays))];
    }

    private static ReceivablesLedger CreateLedger(string currency, IEnumerable<InvoiceHistory> histories)
    {
        var invoices = new List<InvoiceTimeline>();
        var keys = new HashSet<(string VendorId, string InvoiceNumber)>();
        foreach (var history in histories)
        {
            InvoiceHistoryRules.Validate(history, currency);
            if (!keys.Add((history.VendorId, history.InvoiceNumber)))
            {
                throw new ArgumentException(
                    $"Invoice '{history.InvoiceNumber}' of vendor '{history.VendorId}' appears twice. Send each invoice once, with all of its entries.",
                    nameof(histories));
            }

            invoices.Add(new InvoiceTimeline(history));
        }

        return new ReceivablesLedger(invoices);
    }
}
