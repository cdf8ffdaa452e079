namespace TermSync.Metrics;

/// <summary>Remainders written off on a date in the window W, reported apart from payments.</summary>
/// <param name="InvoiceCount">Invoices written off in W with a remainder above zero.</param>
/// <param name="Amount">Sum of those remainders: each invoice's open amount at its write-off date, exact.</param>
[GenerateSerializer, Immutable, Alias("termsync.WriteOffFigures")]
public sealed record WriteOffFigures(
    [property: Id(0)] MetricScope Scope,
    [property: Id(1)] int InvoiceCount,
    [property: Id(2)] decimal Amount);
