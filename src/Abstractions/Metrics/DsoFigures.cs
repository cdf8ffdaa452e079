namespace TermSync.Metrics;

/// <summary>
/// Days sales outstanding at the as-of date D over the window W of N days. Day figures are rounded to two decimals, half
/// away from zero, from the exact quotients; so <see cref="AverageDaysDelinquent"/> is the rounded exact difference and may differ by 0.01
/// from the difference of the two rounded figures.
/// </summary>
/// <param name="TotalAr">AR(D).</param>
/// <param name="CurrentAr">Current AR(D).</param>
/// <param name="OpenInvoiceCount">Invoices with an open amount above zero at D.</param>
/// <param name="CreditSales">Credit sales in W: issued amounts dated in W less credit notes and voids dated in W.</param>
/// <param name="SalesInvoiceCount">Invoices with an issue, credit note or void dated in W.</param>
/// <param name="Dso">Standard DSO: AR(D) / credit sales × N; null when credit sales are zero.</param>
/// <param name="BestPossibleDso">BPDSO: Current AR(D) / credit sales × N; null when credit sales are zero.</param>
/// <param name="AverageDaysDelinquent">ADD: DSO − BPDSO; null when credit sales are zero.</param>
/// <param name="CountbackDso">Countback DSO over calendar months walked back from D; 0 when AR(D) is 0, never null.</param>
/// <param name="CountbackPeriods">Months the countback walked, at most 24; 0 when AR(D) is 0.</param>
/// <param name="CountbackSalesInvoiceCount">Invoices with an issue, credit note or void dated in the months walked.</param>
[GenerateSerializer, Immutable, Alias("termsync.DsoFigures")]
public sealed record DsoFigures(
    [property: Id(0)] MetricScope Scope,
    [property: Id(1)] decimal TotalAr,
    [property: Id(2)] decimal CurrentAr,
    [property: Id(3)] int OpenInvoiceCount,
    [property: Id(4)] decimal CreditSales,
    [property: Id(5)] int SalesInvoiceCount,
    [property: Id(6)] decimal? Dso,
    [property: Id(7)] decimal? BestPossibleDso,
    [property: Id(8)] decimal? AverageDaysDelinquent,
    [property: Id(9)] decimal CountbackDso,
    [property: Id(10)] int CountbackPeriods,
    [property: Id(11)] int CountbackSalesInvoiceCount);
