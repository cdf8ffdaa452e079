using System.Net;
using TermSync.Grains.Digests;

namespace TermSync.Grains.Portal;

/// <summary>The short emails that carry a portal link: an invitation and a fresh link.</summary>
internal static class PortalMail
{
    public static DigestMessage Invitation(string customerId, string? customerName, string to, string invitedBy, string link, string unsubscribeUrl)
    {
        var company = customerName is { Length: > 0 } ? customerName : "your company";
        return Message(
            customerId,
            "invite",
            to,
            $"You are invited to the TermSync portal of {company}",
            $"{invitedBy} invited you to see the open invoices of {company} from all its vendors on TermSync, where you can pay them, " +
            $"ask the vendors about them and tell the vendors when you will pay. Open the portal and confirm this address ({to}).",
            "The link works for a limited time.",
            link,
            unsubscribeUrl);
    }

    public static DigestMessage FreshLink(string customerId, string to, string link, string unsubscribeUrl) =>
        Message(
            customerId,
            "link",
            to,
            "Your new link to the TermSync portal",
            "Someone asked for a new link to your open invoices on TermSync, because an older one had expired. Open the portal and confirm this address.",
            "If you did not ask for it, you can ignore this message.",
            link,
            unsubscribeUrl);

    private static DigestMessage Message(
        string customerId, string kind, string to, string subject, string lead, string closing, string link, string unsubscribeUrl)
    {
        var key = $"portal-{kind}-{Guid.NewGuid():N}";
        var text = $"{lead}\n\n{link}\n\n{closing}\n";
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
            $"<title>{WebUtility.HtmlEncode(subject)}</title></head><body><p>{WebUtility.HtmlEncode(lead)}</p>" +
            $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">Open the portal</a></p><p>{WebUtility.HtmlEncode(closing)}</p></body></html>";
        return new DigestMessage($"{customerId}/{key}", customerId, key, to, subject, html, text, unsubscribeUrl);
    }
}
