namespace TermSync.Importer.Api;

/// <summary>
/// Retry settings of <see cref="TermSyncClient"/>. Every request is retried on a transport error, a timeout,
/// 408, 429 or a 5xx status, which is safe because every write of the API is idempotent.
/// </summary>
public sealed record TermSyncClientOptions
{
    /// <summary>Maximum number of attempts per request, the first one included. Default 6.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>Delay before the first retry. Each further retry waits twice as long as the previous one. Default 200 ms.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of the delay between two attempts. Default 5 s.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);
}
