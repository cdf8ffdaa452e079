using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Features.Links;

public sealed class ConversationPageEndpoint(IClusterClient cluster, DigestLinkSigner signer, TimeProvider time, ILogger<ConversationPageEndpoint> logger)
    : ConversationLinkEndpoint<LinkRequest>(cluster, signer, time, logger)
{
    public override void Configure()
    {
        Get("/links/conversation");
        DescribePage(
            "Thread of a question or dispute",
            "Shows the conversation's status and outcome, its invoices, and the messages of both sides in order with author and time. While it " +
            "is open, a reply form posts to POST /links/conversation/messages and a button to POST /links/conversation/withdrawal. A tampered " +
            "token, or one for a conversation that is not the token's customer's, gets 400, and an expired one 410.");
    }

    public override async Task HandleAsync(LinkRequest request, CancellationToken cancellationToken)
    {
        if (await LoadAsync(request.Token, cancellationToken) is not { } target)
        {
            return;
        }

        await SendThreadAsync(StatusCodes.Status200OK, target, request.Token!, "conversation/", ReplyForm.New(), [], cancellationToken);
    }
}
