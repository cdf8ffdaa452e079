using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using TermSync.Security;

namespace TermSync.Api.Security;

/// <summary>
/// The format of API keys. A key starts with a prefix that names the principal: "tsk_" for a vendor key, "tsa_" for
/// an analyst key. Then follow a key id of 16 lower-case base32 characters (80 random bits), "_", and a secret of 32
/// random bytes in unpadded base64url (43 characters). Only the key id is ever logged or listed. Both kinds share one
/// key id space, so a key id names one key whatever its prefix.
/// </summary>
public static class ApiKeyFormat
{
    /// <summary>The text every vendor key starts with.</summary>
    public const string VendorPrefix = "tsk_";

    /// <summary>The text every analyst key starts with.</summary>
    public const string AnalystPrefix = "tsa_";

    /// <summary>Length of a key id, in characters.</summary>
    public const int KeyIdLength = 16;

    /// <summary>Length of a secret, in bytes.</summary>
    public const int SecretBytes = 32;

    /// <summary>Length of a whole key, prefix included, in characters.</summary>
    public const int KeyLength = 64;

    /// <summary>Length of <see cref="VendorPrefix"/> and of <see cref="AnalystPrefix"/>.</summary>
    private const int PrefixLength = 4;

    private const string KeyIdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private const int SecretTextLength = 43;

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Creates a key of <paramref name="kind"/> with a random key id and secret.</summary>
    public static GeneratedApiKey Generate(ApiKeyKind kind)
    {
        var keyId = RandomNumberGenerator.GetString(KeyIdAlphabet, KeyIdLength);
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        return new GeneratedApiKey(keyId, $"{PrefixOf(kind)}{keyId}_{Base64Url.EncodeToString(secret)}", HashSecret(secret));
    }

    /// <summary>Returns the prefix of keys of <paramref name="kind"/>.</summary>
    public static string PrefixOf(ApiKeyKind kind) => kind switch
    {
        ApiKeyKind.Vendor => VendorPrefix,
        ApiKeyKind.Analyst => AnalystPrefix,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "The API key kind has no prefix."),
    };

    /// <summary>
    /// Finds the kind of key that <paramref name="key"/> claims to be by its prefix alone. Returns false when the
    /// text starts with neither prefix.
    /// </summary>
    public static bool TryGetKind(string key, out ApiKeyKind kind)
    {
        if (key.StartsWith(AnalystPrefix, StringComparison.Ordinal))
        {
            kind = ApiKeyKind.Analyst;
            return true;
        }

        kind = ApiKeyKind.Vendor;
        return key.StartsWith(VendorPrefix, StringComparison.Ordinal);
    }

    /// <summary>Returns whether <paramref name="value"/> has the form of a key id.</summary>
    public static bool IsKeyId(string? value) =>
        value is { Length: KeyIdLength } && value.AsSpan().IndexOfAnyExcept(KeyIdAlphabet) < 0;

    /// <summary>
    /// Splits a presented key into its kind, its key id and the SHA-256 hash of its secret.
    /// Returns false when the text does not have the form of a vendor key or an analyst key.
    /// </summary>
    public static bool TryParse(
        string key, out ApiKeyKind kind, [NotNullWhen(true)] out string? keyId, [NotNullWhen(true)] out byte[]? secretHash)
    {
        keyId = null;
        secretHash = null;

        // The secret's base64url alphabet contains '_', so the parts are found by position, not by splitting.
        if (!TryGetKind(key, out kind) || key.Length != KeyLength || key[PrefixLength + KeyIdLength] != '_')
        {
            return false;
        }

        var id = key.Substring(PrefixLength, KeyIdLength);
        var secretText = key.AsSpan(PrefixLength + KeyIdLength + 1);
        Span<byte> secret = stackalloc byte[SecretBytes];
        if (!IsKeyId(id)
            || secretText.Length != SecretTextLength
            || secretText.ContainsAnyExcept(Base64UrlAlphabet)
            || !Base64Url.TryDecodeFromChars(secretText, secret, out var written)
            || written != SecretBytes)
        {
            return false;
        }

        keyId = id;
        secretHash = HashSecret(secret);
        return true;
    }

    /// <summary>
    /// Hashes a secret with SHA-256. A plain hash is enough because secrets are 256 random bits, which no
    /// dictionary or brute-force search can reach. A slow password hash would only add latency to every request.
    /// </summary>
    public static byte[] HashSecret(ReadOnlySpan<byte> secret) => SHA256.HashData(secret);
}

/// <summary>A newly generated API key. <see cref="Key"/> is shown to the caller once and never stored.</summary>
public sealed class GeneratedApiKey(string keyId, string key, byte[] secretHash)
{
    public string KeyId { get; } = keyId;

    /// <summary>The whole key, secret included.</summary>
    public string Key { get; } = key;

    /// <summary>SHA-256 hash of the secret bytes, the only form of the secret that is stored.</summary>
    public byte[] SecretHash { get; } = secretHash;
}
