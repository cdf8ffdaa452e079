using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Features.Links;

/// <summary>
/// The confirmation page of an unsubscribe link. Opening the link changes nothing, because mail scanners open
/// links on their own. Only the form's POST to <see cref="UnsubscribeEndpoint"/> unsubscribes.
/// </summary>
public sealed class UnsubscribePageEndpoint(DigestLinkSigner signer, ILogger<UnsubscribePageEndpoint> logger)
    : LinkEndpoint<LinkRequest>(signer, logger)
{
    public override void Configure()
    {
        Get("/links/unsubscribe");
        DescribePage(
            "Page behind a digest's unsubscribe link",
            "Asks the reader to confirm with a button, which posts the token to POST /links/unsubscribe. Opening the page unsubscribes nobody. " +
            "A tampered token gets 400 and an expired one 410.");
    }

    public override async Task HandleAsync(LinkRequest request, CancellationToken cancellationToken)
    {
        if (await VerifyAsync(request.Token, DigestLinkPurpose.Unsubscribe, cancellationToken) is null)
        {
            return;
        }

        // The form posts to the same path as this page, so a public base address with a path prefix keeps working.
        var body =
            "<p>Confirm to stop every digest that TermSync sends your company about open invoices from your vendors. " +
            "Vendors can still send you their own reminders.</p>\n" +
            "<form method=\"post\" action=\"unsubscribe\">" +
            $"<input type=\"hidden\" name=\"token\" value=\"{LinkPage.Encode(request.Token)}\">" +
            "<button type=\"submit\">Unsubscribe</button></form>";
        await SendPageAsync(StatusCodes.Status200OK, "Unsubscribe from digests", body, cancellationToken);
    }
}
