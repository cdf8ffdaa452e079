using System.Security.Cryptography;
using System.Text;

namespace TermSync.Webhooks;

/// <summary>
/// Ids of webhook deliveries. A delivery id is "dlv_" and 32 lower-case hex characters of the SHA-256 hash of the
/// endpoint id and the event id, so publishing an event again reaches the same delivery grain instead of a new one.
/// The grain key is <see cref="VendorScopedKey.Format"/> of the vendor id and the delivery id.
/// </summary>
public static class WebhookDeliveryIds
{
    public const string Prefix = "dlv_";

    private const int HexLength = 32;

    /// <summary>Returns the delivery id of an event sent to an endpoint.</summary>
    public static string Create(string endpointId, string eventId)
    {
        // The endpoint id contains no line feed, so the two parts cannot run into each other.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{endpointId}\n{eventId}"));
        return Prefix + Convert.ToHexStringLower(hash)[..HexLength];
    }

    /// <summary>Returns whether <paramref name="value"/> has the form of a delivery id.</summary>
    public static bool IsDeliveryId(string? value) =>
        value is { Length: HexLength + 4 }
        && value.StartsWith(Prefix, StringComparison.Ordinal)
        && value.AsSpan(Prefix.Length).IndexOfAnyExcept("0123456789abcdef") < 0;

    /// <summary>Returns the key of the <see cref="IWebhookDeliveryGrain"/> of one vendor's delivery.</summary>
    public static string GrainKey(string vendorId, string deliveryId) => VendorScopedKey.Format(vendorId, deliveryId);
}
