namespace TermSync.Metrics;

/// <summary>
/// The collection effectiveness index over the <see cref="Months"/> calendar months ending with the as-of date's month,
/// from <see cref="PeriodStart"/> to the as-of date: (B + S / N − E) / (B + S / N − Ec) × 100, with N = <see cref="Months"/>.
/// </summary>
/// <param name="BeginningAr">B: AR at the end of the day before <paramref name="PeriodStart"/>.</param>
/// <param name="CreditSales">S: credit sales dated in the period.</param>
/// <param name="EndingAr">E: AR at the as-of date.</param>
/// <param name="EndingCurrentAr">Ec: current AR at the as-of date.</param>
/// <param name="InvoiceCount">Invoices open at the start or at the end, or with an issue, credit note or void dated in the period.</param>
/// <param name="CeiPercent">The index in percent, rounded to two decimals half away from zero; null when the denominator is zero.</param>
[GenerateSerializer, Immutable, Alias("termsync.CeiPeriod")]
public sealed record CeiPeriod(
    [property: Id(0)] int Months,
    [property: Id(1)] DateOnly PeriodStart,
    [property: Id(2)] DateOnly PeriodEnd,
    [property: Id(3)] decimal BeginningAr,
    [property: Id(4)] decimal CreditSales,
    [property: Id(5)] decimal EndingAr,
    [property: Id(6)] decimal EndingCurrentAr,
    [property: Id(7)] int InvoiceCount,
    [property: Id(8)] decimal? CeiPercent);
