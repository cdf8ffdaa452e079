using Microsoft.Extensions.Options;
using MimeKit;

namespace TermSync.Grains.Digests.Smtp;

/// <summary>Rejects <see cref="SmtpOptions"/> that cannot deliver, naming the setting, its value and the fix.</summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.From))
        {
            failures.Add($"Smtp:From is missing but Smtp:Host is set to '{options.Host}'; set Smtp:From to the sender address of digests, for example digests@termsync.example.");
        }
        else if (!DigestMail.TryParseAddress(options.From, out _))
        {
            failures.Add($"Smtp:From '{options.From}' is not a valid email address; set it to the sender address of digests, for example digests@termsync.example.");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"Smtp:Port {options.Port} is not a TCP port; set 587 for STARTTLS or 465 for SslOnConnect.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"Smtp:Timeout {options.Timeout:c} is not positive; set it to, for example, 00:00:30.");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add($"Smtp:MaxAttempts {options.MaxAttempts} is below 1; set it to 1 or more, for example 4.");
        }

        if (options.FirstRetryDelay < TimeSpan.Zero)
        {
            failures.Add($"Smtp:FirstRetryDelay {options.FirstRetryDelay:c} is negative; set it to, for example, 00:00:02.");
        }

        if (string.IsNullOrEmpty(options.Username) && !string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Smtp:Password is set but Smtp:Username is missing; set Smtp:Username, or remove Smtp:Password to send without authenticating.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
