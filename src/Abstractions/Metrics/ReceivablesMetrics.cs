namespace TermSync.Metrics;

/// <summary>Every receivables figure of one currency at one as-of date over one window.</summary>
[GenerateSerializer, Immutable, Alias("termsync.ReceivablesMetrics")]
public sealed record ReceivablesMetrics(
    [property: Id(0)] MetricScope Scope,
    [property: Id(1)] AgingFigures Aging,
    [property: Id(2)] DsoFigures Dso,
    [property: Id(3)] CeiFigures Cei,
    [property: Id(4)] PaymentBehaviourFigures PaymentBehaviour,
    [property: Id(5)] DisputeRateFigures DisputeRate,
    [property: Id(6)] WriteOffFigures WriteOffs);
