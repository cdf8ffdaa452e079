namespace TermSync.Importer.Replay;

/// <summary>
/// Settings of <see cref="Replayer"/>.
/// </summary>
public sealed record ReplayerOptions
{
    /// <summary>Maximum number of requests in flight at once. Default 8.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Maximum number of invoices in one batch request, at most 1000. Default 1000.</summary>
    public int BatchSize { get; init; } = 1000;
}
