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
            "Shows the invoice and a form that opens a question or a dispute with the vendor (POST /links/ask), and the vendor's contact " +
            "address as a mailto link. Every view carries a new form id, so a form sent twice opens one conversation. A tampered token, " +
            "or one whose invoice is billed to another customer now, gets 400, and an expired one 410.");
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

        var body = AskPage.Render(target, time, request.Token!, AskForm.New(), []);
        await SendPageAsync(StatusCodes.Status200OK, AskPage.Title(target), body + LinkPage.PortalLink(request.Token!), cancellationToken);
    }
}
