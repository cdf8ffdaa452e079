using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace TermSync.Api.Idempotency;

/// <summary>The Idempotency-Key request header and the Idempotency-Replayed response header.</summary>
public static class IdempotencyHeader
{
    /// <summary>The request header that names a POST, so a retry with the same value runs it once.</summary>
    public const string Name = "Idempotency-Key";

    /// <summary>The response header, with the value "true", on a stored response sent again.</summary>
    public const string ReplayedName = "Idempotency-Replayed";

    /// <summary>The maximum key length in characters.</summary>
    public const int MaxLength = 255;

    /// <summary>
    /// Reads the key from the header values of a request. A key is 1 to <see cref="MaxLength"/>
    /// printable ASCII characters (space to '~'), compared exactly as sent.
    /// </summary>
    /// <param name="values">Every Idempotency-Key value of the request; there must be exactly one.</param>
    /// <param name="key">The key when valid.</param>
    /// <param name="error">Why the header is invalid and how to fix it, when it is.</param>
    /// <returns>True when the header contains a valid key.</returns>
    public static bool TryParse(StringValues values, out string key, out string error)
    {
        key = "";
        if (values.Count != 1)
        {
            error = $"The request has {values.Count} {Name} headers; send exactly one.";
            return false;
        }

        // HTTP strips the spaces around a header value, so a key of only spaces arrives empty over a network.
        var value = values[0] ?? "";
        if (string.IsNullOrWhiteSpace(value))
        {
            error = $"The {Name} header is empty; send 1 to {MaxLength} printable ASCII characters, such as a UUID.";
            return false;
        }

        if (value.Length > MaxLength)
        {
            error = $"The {Name} header is {value.Length} characters long; send at most {MaxLength} printable ASCII characters, such as a UUID.";
            return false;
        }

        var invalid = value.AsSpan().IndexOfAnyExceptInRange(' ', '~');
        if (invalid >= 0)
        {
            var codePoint = ((int)value[invalid]).ToString("X4", CultureInfo.InvariantCulture);
            error = $"The {Name} header '{value}' contains U+{codePoint} at position {invalid + 1}, which is not printable ASCII; " +
                "use only the characters from space to '~', such as a UUID.";
            return false;
        }

        key = value;
        error = "";
        return true;
    }
}
