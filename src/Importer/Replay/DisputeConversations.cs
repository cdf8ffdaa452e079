using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TermSync.Importer.Replay;

/// <summary>
/// Maps the disputes of a replay onto the conversation API: each disputed invoice becomes one dispute conversation
/// that the vendor's staff records for the customer, with an id derived from the invoice number so that a second
/// replay resends the same conversation instead of opening another.
/// </summary>
public static partial class DisputeConversations
{
    /// <summary>Conversation kind sent for every dispute.</summary>
    public const string Kind = "dispute";

    /// <summary>Reason sent when the data gives none or one that the API does not know.</summary>
    public const string DefaultReason = "other";

    /// <summary>
    /// Outcome sent for every resolution. Both data sources settle a disputed invoice with payments of its full
    /// amount and record no credit note or amendment, so the vendor's charge stood.
    /// </summary>
    public const string Outcome = "disputeRejected";

    /// <summary>Author name of the vendor side of an imported resolution.</summary>
    public const string ResolverName = "TermSync importer";

    private const string ReadablePrefix = "dispute-";

    // '_' at the position of the '-' of ReadablePrefix, so a hashed id never equals a readable one.
    private const string HashedPrefix = "dispute_";

    private static readonly string[] ApiReasons = ["pricing", "quantity", "damagedGoods", "notReceived", "duplicateBilling", "other"];

    /// <summary>
    /// Returns the conversation id of the dispute of an invoice: "dispute-" and the invoice number when that forms a
    /// valid conversation id (1 to 64 of [A-Za-z0-9._-]), otherwise "dispute_" and the first 16 bytes of the SHA-256
    /// of the UTF-8 invoice number in lowercase hex.
    /// </summary>
    /// <remarks>The id is unique per vendor only, like the invoice number, and the API scopes conversations by vendor.</remarks>
    public static string ConversationIdFor(string invoiceNumber)
    {
        ArgumentException.ThrowIfNullOrEmpty(invoiceNumber);

        var readable = ReadablePrefix + invoiceNumber;
        if (ConversationId().IsMatch(readable))
        {
            return readable;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(invoiceNumber));
        return HashedPrefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>
    /// Returns the API's reason code for a reason from the data. The comparison ignores case, '-' and '_', so
    /// "damaged-goods" and "DAMAGED_GOODS" both give "damagedGoods". A missing or unknown reason gives <see cref="DefaultReason"/>.
    /// </summary>
    public static string ApiReasonFor(string? reason)
    {
        var key = reason?.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return ApiReasons.FirstOrDefault(apiReason => string.Equals(apiReason, key, StringComparison.OrdinalIgnoreCase)) ?? DefaultReason;
    }

    /// <summary>
    /// Returns the first instant of <paramref name="date"/> in <paramref name="zone"/>, carrying the zone's offset.
    /// Where a daylight-saving change skips midnight, the day starts at the first local minute that exists, and where
    /// midnight occurs twice it starts at the earlier one.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);

        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z")]
    private static partial Regex ConversationId();
}
