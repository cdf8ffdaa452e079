using Microsoft.Extensions.Options;

namespace TermSync.Grains.Digests;

/// <summary>
/// Checks the link settings at startup, so that a process without a usable signing key stops with a message
/// saying how to make one instead of sending digests whose links no process can check.
/// </summary>
public sealed class DigestOptionsValidator : IValidateOptions<DigestOptions>
{
    /// <summary>Minimum length of the link signing key, in bytes: the output size of SHA-256.</summary>
    public const int MinKeyBytes = 32;

    private const string KeyHelp =
        "Set Digests:LinkSigningKey (environment variable Digests__LinkSigningKey) to a base64 key of at least 32 random bytes, " +
        "the same on every silo and API process; make one with 'openssl rand -base64 32'.";

    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Returns one message per invalid link setting, or none when all are valid.</summary>
    public static IReadOnlyList<string> Check(DigestOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.LinkSigningKey))
        {
            failures.Add($"Digests:LinkSigningKey is missing. {KeyHelp}");
        }
        else if (DecodedLength(options.LinkSigningKey) is not { } length)
        {
            failures.Add($"Digests:LinkSigningKey is not valid base64. {KeyHelp}");
        }
        else if (length < MinKeyBytes)
        {
            failures.Add($"Digests:LinkSigningKey has {length} bytes, fewer than {MinKeyBytes}. {KeyHelp}");
        }

        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            failures.Add($"Digests:PublicBaseUrl '{options.PublicBaseUrl}' is not an absolute http or https address; set it to the address customers open the links at, for example https://termsync.example.com.");
        }

        if (options.LinkLifetime <= TimeSpan.Zero)
        {
            failures.Add($"Digests:LinkLifetime '{options.LinkLifetime}' is not positive; set it to how long a digest link stays valid, for example 30.00:00:00 for 30 days.");
        }

        return failures;
    }

    private static int? DecodedLength(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) ? written : null;
    }
}
