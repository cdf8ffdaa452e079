using System.Buffers.Binary;
using System.Text;

namespace TermSync.Grains.Digests.Links;

/// <summary>
/// The signed bytes of a link token, version 1. They are the version byte, the purpose byte, the expiry as
/// big-endian Unix seconds (8 bytes) and the customer id (1-byte length, UTF-8). Pay, ask and conversation links add the
/// vendor id (1-byte length) and the invoice number or conversation id (2-byte big-endian length, UTF-8). Survey links add the survey
/// id (1-byte length, ASCII) and the score (1 byte). Nothing may follow.
/// </summary>
internal static class DigestLinkPayload
{
    public const byte Version = 1;

    private const int HeaderLength = 10;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes claims whose ids were checked by the caller.</summary>
    public static byte[] Encode(DigestLinkClaims claims)
    {
        var customer = StrictUtf8.GetBytes(claims.CustomerId);
        var vendor = claims.NamesInvoice ? StrictUtf8.GetBytes(claims.VendorId!) : [];
        var invoice = claims.NamesInvoice ? StrictUtf8.GetBytes(claims.InvoiceNumber!) : [];
        var survey = claims.NamesSurvey ? StrictUtf8.GetBytes(claims.SurveyId!) : [];
        var length = HeaderLength + 1 + customer.Length
            + (claims.NamesInvoice ? 1 + vendor.Length + 2 + invoice.Length : 0)
            + (claims.NamesSurvey ? 1 + survey.Length + 1 : 0);

        var payload = new byte[length];
        payload[0] = Version;
        payload[1] = (byte)claims.Purpose;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(2), claims.ExpiresAt.ToUnixTimeSeconds());
        var position = HeaderLength;
        payload[position++] = checked((byte)customer.Length);
        customer.CopyTo(payload, position);
        position += customer.Length;
        if (claims.NamesInvoice)
        {
            payload[position++] = checked((byte)vendor.Length);
            vendor.CopyTo(payload, position);
            position += vendor.Length;
            BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(position), checked((ushort)invoice.Length));
            invoice.CopyTo(payload, position + 2);
        }

        if (claims.NamesSurvey)
        {
            payload[position++] = checked((byte)survey.Length);
            survey.CopyTo(payload, position);
            position += survey.Length;
            payload[position] = checked((byte)claims.Score!.Value);
        }

        return payload;
    }

    /// <summary>Decodes a payload, or returns null when its layout or version is not this one.</summary>
    public static DigestLinkClaims? Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < HeaderLength + 1 || payload[0] != Version || !Enum.IsDefined((DigestLinkPurpose)payload[1]))
        {
            return null;
        }

        var purpose = (DigestLinkPurpose)payload[1];
        var seconds = BinaryPrimitives.ReadInt64BigEndian(payload[2..]);
        if (seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return null;
        }

        var rest = payload[HeaderLength..];
        if (!TryReadString(ref rest, lengthBytes: 1, out var customerId))
        {
            return null;
        }

        string? vendorId = null;
        string? invoiceNumber = null;
        var namesInvoice = DigestLinkClaims.NamesInvoiceFor(purpose);
        if (namesInvoice && (!TryReadString(ref rest, lengthBytes: 1, out vendorId) || !TryReadString(ref rest, lengthBytes: 2, out invoiceNumber)))
        {
            return null;
        }

        string? surveyId = null;
        int? score = null;
        if (purpose is DigestLinkPurpose.Survey)
        {
            if (!TryReadString(ref rest, lengthBytes: 1, out var survey) || rest.IsEmpty)
            {
                return null;
            }

            surveyId = survey;
            score = rest[0];
            rest = rest[1..];
        }

        return rest.IsEmpty
            ? new DigestLinkClaims(purpose, customerId, vendorId, invoiceNumber, DateTimeOffset.FromUnixTimeSeconds(seconds), surveyId, score)
            : null;
    }

    private static bool TryReadString(ref ReadOnlySpan<byte> source, int lengthBytes, out string value)
    {
        value = "";
        if (source.Length < lengthBytes)
        {
            return false;
        }

        var length = lengthBytes == 1 ? source[0] : BinaryPrimitives.ReadUInt16BigEndian(source);
        source = source[lengthBytes..];
        if (source.Length < length)
        {
            return false;
        }

        try
        {
            value = StrictUtf8.GetString(source[..length]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        source = source[length..];
        return true;
    }
}
