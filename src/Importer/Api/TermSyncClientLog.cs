using System.Net;
using Microsoft.Extensions.Logging;

namespace TermSync.Importer.Api;

internal static partial class TermSyncClientLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning,
        Message = "{Method} {Path} failed with status {StatusCode} on attempt {Attempt} of {MaxAttempts}, retrying in {RetryDelay}")]
    public static partial void RetryingAfterStatus(
        this ILogger logger, string method, string path, HttpStatusCode statusCode, int attempt, int maxAttempts, TimeSpan retryDelay);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning,
        Message = "{Method} {Path} failed on attempt {Attempt} of {MaxAttempts} ({Reason}), retrying in {RetryDelay}")]
    public static partial void RetryingAfterTransportError(
        this ILogger logger, string method, string path, int attempt, int maxAttempts, string reason, TimeSpan retryDelay);
}
