using Microsoft.Extensions.Options;

namespace TermSync.Api.Idempotency;

/// <summary>Rejects <see cref="IdempotencyOptions"/> that break the API's promises, naming the setting, its value and the fix.</summary>
public sealed class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>
{
    public ValidateOptionsResult Validate(string? name, IdempotencyOptions options)
    {
        var failures = new List<string>();
        if (options.Retention < IdempotencyOptions.MinRetention)
        {
            failures.Add($"Idempotency:Retention {options.Retention:c} is below 24 hours, which the API promises clients; set 24:00:00 or more.");
        }

        if (options.LockTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Idempotency:LockTimeout {options.LockTimeout:c} is not positive; set it above the longest request, for example 00:05:00.");
        }

        if (options.CleanupInterval <= TimeSpan.Zero)
        {
            failures.Add($"Idempotency:CleanupInterval {options.CleanupInterval:c} is not positive; set it to, for example, 00:10:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
