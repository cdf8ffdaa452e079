using FastEndpoints;
using TermSync.Conversations;
using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Features.Links;

/// <summary>Adds the customer's reply from the thread page. The form's message id makes a reply sent twice count once.</summary>
public sealed class ConversationReplyEndpoint(IClusterClient cluster, DigestLinkSigner signer, TimeProvider time, ILogger<ConversationReplyEndpoint> logger)
    : ConversationLinkEndpoint<EmptyRequest>(cluster, signer, time, logger)
{
    public override void Configure()
    {
        Post("/links/conversation/messages");
        DescribePage(
            "Reply in a question or dispute from its thread page",
            "Takes the thread page's form: token, messageId (a GUID per page view), authorName and text. Redirects with 303 to the thread. " +
            "Invalid fields show the thread again with 400; a resolved conversation gets 409. A tampered token gets 400 and an expired one 410.",
            isFormAction: true);
    }

    public override async Task HandleAsync(EmptyRequest request, CancellationToken cancellationToken)
    {
        var form = await ReadFormAsync(cancellationToken);
        var token = form["token"].ToString();
        if (await LoadAsync(token, cancellationToken) is not { } target)
        {
            return;
        }

        var reply = ReplyForm.From(form);
        var customerId = target.Conversation.CustomerId;
        if (reply.Check(needsText: true) is { Count: > 0 } errors)
        {
            LinkLog.FormRejected(Logger, DigestLinkPurpose.Conversation, customerId, errors.Count);
            var refilled = Guid.TryParseExact(reply.MessageId, "N", out _) ? reply : reply with { MessageId = ReplyForm.New().MessageId };
            await SendThreadAsync(StatusCodes.Status400BadRequest, target, token, "", refilled, errors, cancellationToken);
            return;
        }

        var draft = new ReplyDraft(reply.MessageId, Party.Customer, reply.AuthorName!.Trim(), reply.Text!);
        var key = VendorScopedKey.Format(target.Conversation.VendorId, target.Conversation.ConversationId);
        var result = await Cluster.GetGrainCached<IConversationGrain>(key).ReplyAsync(draft);
        if (result.Succeeded)
        {
            await SendSeeOtherAsync($"../conversation?token={token}", cancellationToken);
            return;
        }

        LinkLog.FormRejected(Logger, DigestLinkPurpose.Conversation, customerId, 1);
        var current = target with { Conversation = result.Conversation ?? target.Conversation };
        var status = result.Status == ConversationCommandStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        var message = result.Status == ConversationCommandStatus.Conflict
            ? "Your reply was not sent because the conversation is closed. To raise something new, use the ask link of the invoice in your newest digest."
            : result.Error ?? "The reply was not accepted.";
        await SendThreadAsync(status, current, token, "", reply, [message], cancellationToken);
    }
}
