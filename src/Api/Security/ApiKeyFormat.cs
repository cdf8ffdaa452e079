using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace TermSync.Api.Security;

/// <summary>
/// The format of vendor API keys: "tsk_", a key id of 16 lower-case base32 characters (80 random bits), "_", and a
/// secret of 32 random bytes in unpadded base64url (43 characters). Only the key id is ever logged or listed.
/// </summary>
public static class ApiKeyFormat
{
    /// <summary>The text every vendor key starts with.</summary>
    public const string Prefix = "tsk_";

    /// <summary>Length of a key id, in characters.</summary>
    public const int KeyIdLength = 16;

    /// <summary>Length of a secret, in bytes.</summary>
    public const int SecretBytes = 32;

    /// <summary>Length of a whole key, in characters.</summary>
    public const int KeyLength = 64;

    private const string KeyIdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private const int SecretTextLength = 43;

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Creates a key with a random key id and secret.</summary>
    public static GeneratedApiKey Generate()
    {
        var keyId = RandomNumberGenerator.GetString(KeyIdAlphabet, KeyIdLength);
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        return new GeneratedApiKey(keyId, $"{Prefix}{keyId}_{Base64Url.EncodeToString(secret)}", HashSecret(secret));
    }

    /// <summary>Returns whether <paramref name="value"/> has the form of a key id.</summary>
    public static bool IsKeyId(string? value) =>
        value is { Length: KeyIdLength } && value.AsSpan().IndexOfAnyExcept(KeyIdAlphabet) < 0;

    /// <summary>
    /// Splits a presented vendor key into its key id and the SHA-256 hash of its secret.
    /// Returns false when the text does not have the form of a vendor key.
    /// </summary>
    public static bool TryParse(string key, [NotNullWhen(true)] out string? keyId, [NotNullWhen(true)] out byte[]? secretHash)
    {
        keyId = null;
        secretHash = null;

        // The secret's base64url alphabet contains '_', so the parts are found by position, not by splitting.
        if (key.Length != KeyLength || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + KeyIdLength] != '_')
        {
            return false;
        }

        var id = key.Substring(Prefix.Length, KeyIdLength);
        var secretText = key.AsSpan(Prefix.Length + KeyIdLength + 1);
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

/// <summary>A newly generated vendor key. <see cref="Key"/> is shown to the caller once and never stored.</summary>
public sealed class GeneratedApiKey(string keyId, string key, byte[] secretHash)
{
    public string KeyId { get; } = keyId;

    /// <summary>The whole key, secret included.</summary>
    public string Key { get; } = key;

    /// <summary>SHA-256 hash of the secret bytes, the only form of the secret that is stored.</summary>
    public byte[] SecretHash { get; } = secretHash;
}
