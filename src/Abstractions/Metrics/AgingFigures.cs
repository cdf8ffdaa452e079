namespace TermSync.Metrics;

/// <summary>
/// Receivables at the as-of date D by days past due (D − due date): current is 0 or less, so an invoice due on D is
/// current. The five buckets add up to <see cref="TotalAr"/>.
/// </summary>
/// <param name="TotalAr">AR(D): the sum of the open amounts of all invoices issued on or before D.</param>
/// <param name="CurrentAr">Current AR(D): the amount of the current bucket.</param>
/// <param name="OpenInvoiceCount">Invoices with an open amount above zero at D.</param>
[GenerateSerializer, Immutable, Alias("termsync.AgingFigures")]
public sealed record AgingFigures(
    [property: Id(0)] MetricScope Scope,
    [property: Id(1)] AgingBucket Current,
    [property: Id(2)] AgingBucket Days1To30,
    [property: Id(3)] AgingBucket Days31To60,
    [property: Id(4)] AgingBucket Days61To90,
    [property: Id(5)] AgingBucket Days91Plus,
    [property: Id(6)] decimal TotalAr,
    [property: Id(7)] decimal CurrentAr,
    [property: Id(8)] int OpenInvoiceCount);
