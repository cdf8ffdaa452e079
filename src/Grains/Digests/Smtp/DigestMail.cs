using System.Diagnostics.CodeAnalysis;
using System.Text;
using MimeKit;
using MimeKit.Text;

namespace TermSync.Grains.Digests.Smtp;

/// <summary>Builds the MIME message of a digest and checks addresses.</summary>
public static class DigestMail
{
    private static readonly ParserOptions StrictAddressParser = new()
    {
        AllowAddressesWithoutDomain = false,
        AddressParserComplianceMode = RfcComplianceMode.Strict,
    };

    /// <summary>
    /// Parses one mailbox, with or without a display name. Returns false for anything else, including a list of
    /// addresses and a domain without a dot, which internet mail does not use.
    /// </summary>
    public static bool TryParseAddress(string? text, [NotNullWhen(true)] out MailboxAddress? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text)
            || !MailboxAddress.TryParse(StrictAddressParser, text, out var parsed)
            || !parsed.Domain.Contains('.')
            || parsed.Domain.StartsWith('.')
            || parsed.Domain.EndsWith('.'))
        {
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>
    /// Builds a multipart/alternative message (plain text first, then HTML, both UTF-8) with the given Message-ID
    /// (see <see cref="MessageId"/>), the RFC 8058 one-click unsubscribe headers when the digest has an unsubscribe link,
    /// and "Auto-Submitted: auto-generated" (RFC 3834) so that auto-responders do not reply.
    /// </summary>
    public static MimeMessage Create(DigestMessage digest, MailboxAddress to, MailboxAddress from, string messageId, DateTimeOffset date)
    {
        var message = new MimeMessage
        {
            Subject = digest.Subject,
            Date = date,
            MessageId = messageId,
            Body = new MultipartAlternative
            {
                TextPart(TextFormat.Plain, digest.Text),
                TextPart(TextFormat.Html, digest.Html),
            },
        };
        message.From.Add(from);
        message.To.Add(to);
        message.Headers.Add("Auto-Submitted", "auto-generated");

        // NOTE: mailbox providers honor one-click unsubscribe only when a DKIM signature covers both List-Unsubscribe
        // headers (RFC 8058). This code does not sign, so the SMTP relay has to.
        if (!string.IsNullOrEmpty(digest.UnsubscribeUrl))
        {
            message.Headers.Add("List-Unsubscribe", $"<{digest.UnsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        return message;
    }

    /// <summary>
    /// Derives the Message-ID, without angle brackets, from the digest id, so a resend of the same digest keeps it.
    /// Letters, digits, '-' and '_' stay as they are and every other UTF-8 byte becomes "=XX" in hex, which keeps
    /// the left part a valid RFC 5322 dot-atom and distinct digest ids distinct. The domain is IDNA-encoded.
    /// </summary>
    public static string MessageId(string digestId, string domain)
    {
        var left = new StringBuilder("digest.");
        foreach (var value in Encoding.UTF8.GetBytes(digestId))
        {
            var character = (char)value;
            if (char.IsAsciiLetterOrDigit(character) || character is '-' or '_')
            {
                left.Append(character);
            }
            else
            {
                left.Append('=').Append(value.ToString("X2"));
            }
        }

        return MailboxAddress.EncodeAddrspec($"{left}@{domain}");
    }

    private static TextPart TextPart(TextFormat format, string content)
    {
        var part = new TextPart(format);
        part.SetText(Encoding.UTF8, content);
        return part;
    }
}
