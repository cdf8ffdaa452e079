namespace TermSync.Api.Idempotency;

/// <summary>
/// Log events of the Idempotency-Key handling. Keys and bodies are never logged, because a key may be
/// derived from a vendor's own ids and bodies contain customer data. {KeyHash} is the first 8 hex
/// digits of the key's SHA-256, which distinguishes the uses of one key from those of others.
/// </summary>
internal static partial class IdempotencyLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Debug,
        Message = "Replayed the stored {StatusCode} response of {Method} {Path} for {Scope}, key hash {KeyHash}")]
    public static partial void Replayed(ILogger logger, int statusCode, string method, string path, string scope, string keyHash);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information,
        Message = "Rejected {Method} {Path} for {Scope}, key hash {KeyHash}: the request with this Idempotency-Key is still in progress")]
    public static partial void InProgress(ILogger logger, string method, string path, string scope, string keyHash);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information,
        Message = "Rejected {Method} {Path} for {Scope}, key hash {KeyHash}: the Idempotency-Key was used with a different request")]
    public static partial void KeyReused(ILogger logger, string method, string path, string scope, string keyHash);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information,
        Message = "Rejected {Method} {Path}: the Idempotency-Key header is invalid")]
    public static partial void InvalidHeader(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Debug,
        Message = "Released the Idempotency-Key claim of {Method} {Path} for {Scope}, key hash {KeyHash}, after status {StatusCode}; a retry runs again")]
    public static partial void ReleasedAfterServerError(ILogger logger, string method, string path, string scope, string keyHash, int statusCode);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning,
        Message = "Released the Idempotency-Key claim of {Method} {Path} for {Scope}, key hash {KeyHash}, because the request failed; a retry runs again")]
    public static partial void ReleasedAfterException(ILogger logger, string method, string path, string scope, string keyHash);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Warning,
        Message = "Storing the response of {Method} {Path} for {Scope}, key hash {KeyHash}, failed; a retry runs the request again")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string method, string path, string scope, string keyHash);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Warning,
        Message = "The Idempotency-Key claim of {Method} {Path} for {Scope}, key hash {KeyHash}, was taken over by a retry after the lock timeout; its response is not stored")]
    public static partial void ClaimLost(ILogger logger, string method, string path, string scope, string keyHash);

    [LoggerMessage(EventId = 6108, Level = LogLevel.Warning,
        Message = "Releasing the Idempotency-Key claim of {Method} {Path} for {Scope}, key hash {KeyHash}, failed; retries get 409 until the lock timeout")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string method, string path, string scope, string keyHash);

    [LoggerMessage(EventId = 6110, Level = LogLevel.Debug,
        Message = "Deleted {RowCount} expired Idempotency-Key rows")]
    public static partial void ExpiredDeleted(ILogger logger, int rowCount);

    [LoggerMessage(EventId = 6111, Level = LogLevel.Warning,
        Message = "Deleting expired Idempotency-Key rows failed; retrying in {IntervalMinutes} minutes")]
    public static partial void CleanupFailed(ILogger logger, Exception exception, double intervalMinutes);
}
