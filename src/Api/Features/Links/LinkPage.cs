using System.Net;

namespace TermSync.Api.Features.Links;

/// <summary>
/// The small HTML pages behind digest links. Every value from a vendor or customer is HTML-encoded. The pages for
/// a rejected link tell the reader what to do and give no reason, so they reveal nothing about other customers.
/// </summary>
internal static class LinkPage
{
    public const string NotValidTitle = "This link is not valid";

    public const string ExpiredTitle = "This link has expired";

    public static string NotValidBody =>
        "<p>The link may have been copied only in part or changed, or it points at an invoice that is no longer billed to you. " +
        "Open the link again from the digest email, or use the links in your newest digest. If it still does not work, " +
        "ask the vendor that sent you the invoice for a new statement.</p>";

    public static string ExpiredBody =>
        "<p>Links in a digest work for a limited time. Use the links in your newest digest, because every digest brings new ones. " +
        "If you have no newer digest, ask the vendor that sent you the invoice for a new statement.</p>";

    /// <summary>Returns a whole page around <paramref name="body"/>, which is HTML whose values the caller encoded.</summary>
    public static string Render(string title, string body) =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
        $"<meta name=\"robots\" content=\"noindex\"><title>{Encode(title)}</title></head>\n<body><h1>{Encode(title)}</h1>\n{body}\n</body></html>\n";

    /// <summary>Returns a paragraph that links into the customer portal with the page's own verified token.</summary>
    public static string PortalLink(string token) =>
        $"<p><a href=\"/portal/sign-in?token={Encode(Uri.EscapeDataString(token))}\">See all your open invoices in the portal</a></p>";

    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? "");

    /// <summary>Returns a mailto address with <paramref name="subject"/>, percent-encoded and ready for an HTML attribute after <see cref="Encode"/>.</summary>
    public static string MailTo(string address, string subject) =>
        $"mailto:{Uri.EscapeDataString(address).Replace("%40", "@", StringComparison.Ordinal)}?subject={Uri.EscapeDataString(subject)}";
}
