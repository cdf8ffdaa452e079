namespace TermSync.Metrics;

/// <summary>
/// The currency, as-of date and window that a set of receivables figures describes. The window W is the
/// <see cref="WindowDays"/> calendar dates ending with <see cref="AsOf"/>, both ends included.
/// </summary>
/// <param name="AsOf">The as-of date D; figures are taken at the end of that day.</param>
[GenerateSerializer, Immutable, Alias("termsync.MetricScope")]
public sealed record MetricScope(
    [property: Id(0)] string Currency,
    [property: Id(1)] DateOnly AsOf,
    [property: Id(2)] int WindowDays)
{
    /// <summary>The first date of the window: D − N + 1.</summary>
    public DateOnly WindowStart => AsOf.AddDays(1 - WindowDays);

    /// <summary>The last date of the window, which is the as-of date.</summary>
    public DateOnly WindowEnd => AsOf;
}
