using System.Buffers.Text;
using System.Security.Cryptography;

namespace TermSync.Grains.Webhooks;

/// <summary>Generates endpoint ids and signing secrets.</summary>
public static class WebhookSecrets
{
    /// <summary>The text every endpoint id starts with.</summary>
    public const string EndpointIdPrefix = "whe_";

    /// <summary>The text every signing secret starts with, so that a leaked one is easy to recognise.</summary>
    public const string SecretPrefix = "whsec_";

    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private const int IdLength = 16;

    /// <summary>Returns a new endpoint id: the prefix and 16 random lower-case base32 characters (80 bits).</summary>
    public static string NewEndpointId() => EndpointIdPrefix + RandomNumberGenerator.GetString(IdAlphabet, IdLength);

    /// <summary>Returns a new signing secret: the prefix and 32 random bytes in unpadded base64url.</summary>
    public static string NewSecret() => SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Returns whether <paramref name="value"/> has the form of an endpoint id.</summary>
    public static bool IsEndpointId(string? value) =>
        value is { Length: IdLength + 4 }
        && value.StartsWith(EndpointIdPrefix, StringComparison.Ordinal)
        && value.AsSpan(EndpointIdPrefix.Length).IndexOfAnyExcept(IdAlphabet) < 0;
}
