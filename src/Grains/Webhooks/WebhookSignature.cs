using System.Security.Cryptography;
using System.Text;

namespace TermSync.Grains.Webhooks;

/// <summary>
/// The signature of a webhook request: "v1=" and the lower-case hex HMAC-SHA256 of "{timestamp}.{body}", keyed with
/// the UTF-8 bytes of the endpoint's secret. The timestamp is the unix time in seconds of the attempt, sent in
/// <see cref="WebhookHeaders.Timestamp"/>, so a receiver can reject old requests.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The version prefix of the signature scheme.</summary>
    public const string Version = "v1";

    /// <summary>Returns the value of <see cref="WebhookHeaders.Signature"/> for one attempt.</summary>
    public static string Compute(string secret, long timestamp, string body)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"{Version}={Convert.ToHexStringLower(hash)}";
    }
}

/// <summary>Names of the headers of a webhook request.</summary>
public static class WebhookHeaders
{
    /// <summary>The event id, the same in every attempt and replay; receivers deduplicate by it.</summary>
    public const string EventId = "TermSync-Event-Id";

    /// <summary>The event type's wire name, such as "question.opened".</summary>
    public const string EventType = "TermSync-Event-Type";

    /// <summary>The unix time in seconds of this attempt, the one signed.</summary>
    public const string Timestamp = "TermSync-Timestamp";

    /// <summary>The signature, "v1=" and 64 lower-case hex characters.</summary>
    public const string Signature = "TermSync-Signature";
}
