namespace TermSync.Metrics;

/// <summary>Open amounts at the as-of date of the invoices in one range of days past due.</summary>
/// <param name="Amount">Sum of their open amounts, exact.</param>
/// <param name="InvoiceCount">Invoices with an open amount above zero in the range.</param>
[GenerateSerializer, Immutable, Alias("termsync.AgingBucket")]
public sealed record AgingBucket(
    [property: Id(0)] decimal Amount,
    [property: Id(1)] int InvoiceCount);
