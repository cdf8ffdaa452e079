using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Features.Links;

public sealed class StatementEndpoint(DigestLinkSigner signer, ILogger<StatementEndpoint> logger) : LinkEndpoint<LinkRequest>(signer, logger)
{
    public override void Configure()
    {
        Get("/links/statement");
        DescribePage(
            "Page behind a digest's statement link",
            "Sends the clerk on to the customer portal (303 to /portal/sign-in with the same token), which asks for the email address " +
            "the digest was sent to before it shows the statement; an expired token goes on too, and the portal offers a fresh link. " +
            "A tampered token gets 400.",
            isFormAction: true);
    }

    public override async Task HandleAsync(LinkRequest request, CancellationToken cancellationToken)
    {
        // An expired token goes on too: the portal offers to send a fresh link to the customer's mailbox.
        if (Signer.Verify(request.Token, DigestLinkPurpose.Statement).Status == DigestLinkStatus.Invalid)
        {
            await SendRejectedAsync(DigestLinkStatus.Invalid, cancellationToken);
            return;
        }

        await SendSeeOtherAsync($"/portal/sign-in?token={request.Token}", cancellationToken);
    }
}
