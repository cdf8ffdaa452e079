namespace TermSync.Grains.Webhooks;

/// <summary>The exponential backoff of automatic attempts.</summary>
public sealed class WebhookRetrySchedule(WebhookOptions options)
{
    /// <summary>
    /// Returns the delay after <paramref name="failedAttempts"/> failed automatic attempts: the first retry delay,
    /// doubled for each further failure, never more than the maximum delay.
    /// </summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);

        var delay = options.FirstRetryDelay;
        for (var attempt = 1; attempt < failedAttempts && delay < options.MaxRetryDelay; attempt++)
        {
            delay += delay;
        }

        return delay < options.MaxRetryDelay ? delay : options.MaxRetryDelay;
    }

    /// <summary>
    /// Returns when to retry after a failed automatic attempt at <paramref name="now"/>, or null when the retry window
    /// that began at <paramref name="firstAttemptAt"/> has passed. The last retry falls on the end of the window.
    /// </summary>
    public DateTimeOffset? NextAttemptAt(DateTimeOffset firstAttemptAt, DateTimeOffset now, int failedAttempts)
    {
        var windowEnd = firstAttemptAt + options.RetryWindow;
        if (now >= windowEnd)
        {
            return null;
        }

        var next = now + DelayAfter(failedAttempts);
        return next < windowEnd ? next : windowEnd;
    }
}
