using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TermSync.Surveys;

namespace TermSync.Grains.Digests.Links;

/// <summary>
/// Creates and checks the signed, expiring tokens of digest links. A token is the base64url payload of
/// <see cref="DigestLinkPayload"/>, a dot, and the base64url HMAC-SHA256 of the payload under
/// <see cref="DigestOptions.LinkSigningKey"/>. Every silo and API process of a deployment needs the same key.
/// </summary>
public sealed class DigestLinkSigner
{
    /// <summary>Maximum token length accepted, in characters. A version-1 token has at most 635.</summary>
    public const int MaxTokenLength = 1024;

    private const int MacLength = 32;

    private readonly byte[] key;
    private readonly string baseUrl;
    private readonly TimeSpan lifetime;
    private readonly TimeProvider time;

    /// <exception cref="OptionsValidationException">The key or the base address is missing or invalid.</exception>
    public DigestLinkSigner(IOptions<DigestOptions> options, TimeProvider time)
    {
        var settings = options.Value;
        var failures = DigestOptionsValidator.Check(settings);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(DigestOptions.SectionName, typeof(DigestOptions), failures);
        }

        key = Convert.FromBase64String(settings.LinkSigningKey!.Trim());
        baseUrl = settings.PublicBaseUrl.TrimEnd('/');
        lifetime = settings.LinkLifetime;
        this.time = time;
    }

    /// <summary>Returns the expiry of a link created now: the clock plus <see cref="DigestOptions.LinkLifetime"/>, in whole seconds.</summary>
    public DateTimeOffset NewExpiry() =>
        DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() + lifetime).ToUnixTimeSeconds());

    /// <summary>Returns the address of a link: the public base address, "/links/{purpose}" and the token as the "token" query parameter.</summary>
    public string CreateUrl(DigestLinkClaims claims) =>
        $"{baseUrl}/links/{PathOf(claims.Purpose)}?token={CreateToken(claims)}";

    /// <summary>Signs <paramref name="claims"/> as a token.</summary>
    /// <exception cref="ArgumentException">An id is not valid for its kind, a pay or ask link lacks its invoice, or a survey link its survey and score.</exception>
    public string CreateToken(DigestLinkClaims claims)
    {
        if (!IsWellFormed(claims))
        {
            throw new ArgumentException(
                $"Link claims are not valid: purpose {claims.Purpose}, customer '{claims.CustomerId}', vendor '{claims.VendorId}', invoice '{claims.InvoiceNumber}', " +
                $"survey '{claims.SurveyId}', score {claims.Score}. Pay and ask links need a valid vendor id and invoice number; survey links need a " +
                "survey id and a score from 1 to 5; statement and unsubscribe links take none of these.",
                nameof(claims));
        }

        var payload = DigestLinkPayload.Encode(claims);
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>
    /// Checks a token for <paramref name="expectedPurpose"/>. The signature is compared in constant time before anything
    /// in the payload is trusted, so an altered expiry or purpose is <see cref="DigestLinkStatus.Invalid"/>, never expired.
    /// </summary>
    public DigestLinkVerification Verify(string? token, DigestLinkPurpose expectedPurpose) => Check(token, expectedPurpose);

    /// <summary>
    /// Checks a token of any purpose, for the portal's sign-in, which every digest link may open because each names
    /// the customer. The checks are those of <see cref="Verify(string?, DigestLinkPurpose)"/>.
    /// </summary>
    public DigestLinkVerification VerifyAnyPurpose(string? token) => Check(token, null);

    private DigestLinkVerification Check(string? token, DigestLinkPurpose? expectedPurpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return DigestLinkVerification.Invalid;
        }

        var dot = token.IndexOf('.');
        if (dot < 0
            || !TryDecode(token.AsSpan(0, dot), out var payload)
            || !TryDecode(token.AsSpan(dot + 1), out var mac)
            || !CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, payload)))
        {
            return DigestLinkVerification.Invalid;
        }

        var claims = DigestLinkPayload.Decode(payload);
        if (claims is null || expectedPurpose is { } purpose && claims.Purpose != purpose || !IsWellFormed(claims))
        {
            return DigestLinkVerification.Invalid;
        }

        return claims.ExpiresAt <= time.GetUtcNow()
            ? DigestLinkVerification.ExpiredFor(claims.CustomerId)
            : new DigestLinkVerification(DigestLinkStatus.Valid, claims);
    }

    private static bool IsWellFormed(DigestLinkClaims claims) =>
        Enum.IsDefined(claims.Purpose)
        && Identifiers.IsCustomerId(claims.CustomerId)
        && (claims.NamesInvoice
            ? Identifiers.IsVendorId(claims.VendorId) && Identifiers.IsInvoiceNumber(claims.InvoiceNumber)
            : claims.VendorId is null && claims.InvoiceNumber is null)
        && (claims.NamesSurvey
            ? SurveyRules.IsSurveyId(claims.SurveyId) && claims.Score is { } score && SurveyRules.IsScore(score)
            : claims.SurveyId is null && claims.Score is null);

    /// <summary>
    /// Decodes canonical unpadded base64url only. The decoder skips white space, so the text is re-encoded and
    /// compared, which leaves each token exactly one spelling.
    /// </summary>
    private static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.IsEmpty || !Base64Url.IsValid(text, out var length))
        {
            return false;
        }

        bytes = new byte[length];
        return Base64Url.TryDecodeFromChars(text, bytes, out var written)
            && written == length
            && text.SequenceEqual(Base64Url.EncodeToString(bytes));
    }

    private static string PathOf(DigestLinkPurpose purpose) => purpose switch
    {
        DigestLinkPurpose.Pay => "pay",
        DigestLinkPurpose.Ask => "ask",
        DigestLinkPurpose.Statement => "statement",
        DigestLinkPurpose.Unsubscribe => "unsubscribe",
        DigestLinkPurpose.Survey => "survey",
        DigestLinkPurpose.Conversation => "conversation",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown link purpose."),
    };
}
