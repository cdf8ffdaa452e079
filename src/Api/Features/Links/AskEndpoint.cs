using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Features.Links;

public sealed class AskEndpoint(IClusterClient cluster, DigestLinkSigner signer, TimeProvider time, ILogger<AskEndpoint> logger)
    : LinkEndpoint<LinkRequest>(signer, logger)
{
    public override void Configure()
    {
        Get("/links/ask");
        DescribePage(
            "Page behind a digest's ask-a-question link",
            "Shows the invoice and a link that writes an email to the vendor's contact address about it. A tampered token, or one whose " +
            "invoice is billed to another customer now, gets 400, and an expired one 410.");
    }

    public override async Task HandleAsync(LinkRequest request, CancellationToken cancellationToken)
    {
        if (await VerifyAsync(request.Token, DigestLinkPurpose.Ask, cancellationToken) is not { } claims)
        {
            return;
        }

        if (await InvoiceLinkTarget.LoadAsync(cluster, claims, logger) is not { } target)
        {
            await SendRejectedAsync(DigestLinkStatus.Invalid, cancellationToken);
            return;
        }

        var (invoice, vendor) = target;
        var mailTo = LinkPage.MailTo(vendor.ContactEmail, $"Question about invoice {invoice.InvoiceNumber}");
        var body = target.SummaryHtml(time) +
            $"<p><a href=\"{LinkPage.Encode(mailTo)}\">Write to {LinkPage.Encode(vendor.Name)}</a> at {LinkPage.Encode(vendor.ContactEmail)} " +
            "to ask a question about this invoice or to dispute a charge.</p>";
        await SendPageAsync(StatusCodes.Status200OK, $"Ask about invoice {invoice.InvoiceNumber}", body, cancellationToken);
    }
}
