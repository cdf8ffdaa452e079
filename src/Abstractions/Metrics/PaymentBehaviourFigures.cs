namespace TermSync.Metrics;

/// <summary>
/// How late invoices were paid, over the invoices settled on a date in the window W. An invoice is settled on the date of
/// the payment or credit note that brought its open amount to zero, if it is still zero at the as-of date. Written-off
/// and void invoices are not settled. Day figures are rounded to two decimals, half away from zero, and null when
/// <see cref="SettledInvoiceCount"/> is zero.
/// </summary>
/// <param name="AverageDaysLate">Mean of max(0, settlement date − due date).</param>
/// <param name="AmountWeightedDaysLate">The same, weighted by each invoice's issued amount.</param>
/// <param name="AverageDaysToPay">Mean of settlement date − issue date.</param>
[GenerateSerializer, Immutable, Alias("termsync.PaymentBehaviourFigures")]
public sealed record PaymentBehaviourFigures(
    [property: Id(0)] MetricScope Scope,
    [property: Id(1)] int SettledInvoiceCount,
    [property: Id(2)] decimal? AverageDaysLate,
    [property: Id(3)] decimal? AmountWeightedDaysLate,
    [property: Id(4)] decimal? AverageDaysToPay);
