using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TermSync.Grains.Digests;

namespace TermSync.Api.Portal.Sessions;

/// <summary>
/// Writes and reads the portal's session cookie: the JSON of a <see cref="PortalSession"/> in base64url, a dot, and its
/// HMAC-SHA256. The key is derived from the digest link key, so every API process of a deployment reads the cookies
/// of the others, and a link token can never pass for a session.
/// </summary>
public sealed class PortalSessionCookie
{
    /// <summary>The cookie's name.</summary>
    public const string Name = "termsync_portal";

    private const int MaxLength = 2048;

    private static readonly byte[] KeyLabel = "termsync portal session v1"u8.ToArray();

    private readonly byte[] key;
    private readonly TimeSpan lifetime;
    private readonly TimeProvider time;

    public PortalSessionCookie(IOptions<DigestOptions> digestOptions, IOptions<PortalOptions> portalOptions, TimeProvider time)
    {
        var linkKey = Convert.FromBase64String(digestOptions.Value.LinkSigningKey?.Trim() ?? "");
        key = HKDF.DeriveKey(HashAlgorithmName.SHA256, linkKey, 32, info: KeyLabel);
        lifetime = portalOptions.Value.SessionLifetime;
        this.time = time;
    }

    /// <summary>Starts a session for <paramref name="email"/> of <paramref name="customerId"/> with the clerk's stamp and sets its cookie.</summary>
    public PortalSession Start(HttpContext context, string customerId, string email, string stamp)
    {
        var session = new PortalSession(customerId, email, stamp, time.GetUtcNow() + lifetime);
        var payload = JsonSerializer.SerializeToUtf8Bytes(session);
        var value = $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, payload))}";
        context.Response.Cookies.Append(Name, value, Options(context, session.ExpiresAt));
        return session;
    }

    /// <summary>Returns the session of the request's cookie, or null when it is missing, altered or expired.</summary>
    public PortalSession? Read(HttpContext context)
    {
        if (context.Request.Cookies[Name] is not { Length: > 0 and <= MaxLength } value || value.Split('.') is not [var payloadText, var macText])
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(payloadText);
            if (!CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(macText), HMACSHA256.HashData(key, payload)))
            {
                return null;
            }

            var session = JsonSerializer.Deserialize<PortalSession>(payload);
            return session is { Stamp: { Length: > 0 } } && session.ExpiresAt > time.GetUtcNow() ? session : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Removes the cookie.</summary>
    public static void End(HttpContext context) => context.Response.Cookies.Delete(Name, Options(context, null));

    /// <summary>
    /// HTTP-only, SameSite=Lax (so a link from a mail client arrives signed in) and Secure, except over plain HTTP to a
    /// loopback host name or address, where only a developer's own machine is reached.
    /// </summary>
    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps || !IsLoopback(context),
        Path = "/portal",
        Expires = expires,
        IsEssential = true,
    };

    private static bool IsLoopback(HttpContext context) =>
        string.Equals(context.Request.Host.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || IPAddress.TryParse(context.Request.Host.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
}
