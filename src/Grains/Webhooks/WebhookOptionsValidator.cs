using Microsoft.Extensions.Options;

namespace TermSync.Grains.Webhooks;

/// <summary>Checks the webhook settings at startup, so that a silo with an unusable retry schedule does not start.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    /// <summary>Maximum <see cref="WebhookOptions.Timeout"/>, below the default Orleans response timeout of 30 seconds.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(25);

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Returns one message per invalid setting, or none when all are valid.</summary>
    public static IReadOnlyList<string> Check(WebhookOptions options)
    {
        var failures = new List<string>();
        if (options.FirstRetryDelay <= TimeSpan.Zero)
        {
            failures.Add($"Webhooks:FirstRetryDelay '{options.FirstRetryDelay}' is not positive; set the delay before the first retry, for example 00:00:30.");
        }

        if (options.MaxRetryDelay < options.FirstRetryDelay)
        {
            failures.Add($"Webhooks:MaxRetryDelay '{options.MaxRetryDelay}' is shorter than Webhooks:FirstRetryDelay '{options.FirstRetryDelay}'; set it to at least the first delay, for example 01:00:00.");
        }

        if (options.RetryWindow <= TimeSpan.Zero)
        {
            failures.Add($"Webhooks:RetryWindow '{options.RetryWindow}' is not positive; set it to at least 1.00:00:00 (24 hours).");
        }
        else if (options.RetryWindow < WebhookOptions.MinProductionRetryWindow && !options.AllowShortRetryWindow)
        {
            failures.Add($"Webhooks:RetryWindow '{options.RetryWindow}' is shorter than 24 hours, the retry period vendors are promised; set it to at least 1.00:00:00. Only tests may set Webhooks:AllowShortRetryWindow to true.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            failures.Add($"Webhooks:Timeout '{options.Timeout}' is outside 00:00:00 to 00:00:25; set the time limit of one attempt, for example 00:00:10, below the Orleans response timeout of 30 seconds.");
        }

        return failures;
    }
}
