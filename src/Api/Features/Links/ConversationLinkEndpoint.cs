using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Features.Links;

/// <summary>
/// Base of the thread page and its form posts. Every one loads the conversation of a verified conversation token and
/// shows the same "not valid" page as other links when the conversation is not the token's customer's.
/// </summary>
/// <remarks>
/// The forms carry no antiforgery token because they need none: this site sets no cookie and keeps no session,
/// and the signed token in the form is the credential. A page on another site can only post a token it already has.
/// </remarks>
public abstract class ConversationLinkEndpoint<TRequest>(IClusterClient cluster, DigestLinkSigner signer, TimeProvider time, ILogger logger)
    : LinkEndpoint<TRequest>(signer, logger)
    where TRequest : notnull
{
    protected IClusterClient Cluster => cluster;

    /// <summary>Verifies the token and loads its conversation, or sends the rejection page and returns null.</summary>
    internal async Task<ConversationLinkTarget?> LoadAsync(string? token, CancellationToken cancellationToken)
    {
        if (await VerifyAsync(token, DigestLinkPurpose.Conversation, cancellationToken) is not { } claims)
        {
            return null;
        }

        if (await ConversationLinkTarget.LoadAsync(cluster, claims, Logger) is not { } target)
        {
            await SendRejectedAsync(DigestLinkStatus.Invalid, cancellationToken);
            return null;
        }

        return target;
    }

    /// <summary>Sends the thread page with the reply form filled with <paramref name="reply"/> and the messages of a rejected form.</summary>
    internal Task SendThreadAsync(int status, ConversationLinkTarget target, string token, string actionPrefix, ReplyForm reply, IReadOnlyList<string> errors, CancellationToken cancellationToken) =>
        SendPageAsync(status, ConversationPage.Title(target.Conversation), ConversationPage.Render(target, token, actionPrefix, reply, errors, time), cancellationToken);
}
