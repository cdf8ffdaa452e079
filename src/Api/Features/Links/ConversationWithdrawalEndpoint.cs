using FastEndpoints;
using TermSync.Conversations;
using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Features.Links;

/// <summary>Withdraws the customer's question or dispute from the thread page; withdrawing again changes nothing.</summary>
public sealed class ConversationWithdrawalEndpoint(IClusterClient cluster, DigestLinkSigner signer, TimeProvider time, ILogger<ConversationWithdrawalEndpoint> logger)
    : ConversationLinkEndpoint<EmptyRequest>(cluster, signer, time, logger)
{
    public override void Configure()
    {
        Post("/links/conversation/withdrawal");
        DescribePage(
            "Withdraw a question or dispute from its thread page",
            "Takes the thread page's withdrawal form: token and authorName. A dispute's invoices return to the amount owed. Redirects with 303 " +
            "to the thread. A missing name shows the thread again with 400; a conversation the vendor already resolved gets 409. A tampered " +
            "token gets 400 and an expired one 410.",
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

        var values = ReplyForm.From(form) with { MessageId = ReplyForm.New().MessageId, Text = null };
        var customerId = target.Conversation.CustomerId;
        if (values.Check(needsText: false) is { Count: > 0 } errors)
        {
            LinkLog.FormRejected(Logger, DigestLinkPurpose.Conversation, customerId, errors.Count);
            await SendThreadAsync(StatusCodes.Status400BadRequest, target, token, "", values, errors, cancellationToken);
            return;
        }

        var resolution = new ResolutionDraft(ResolutionOutcome.Withdrawn, Party.Customer, values.AuthorName!.Trim());
        var key = VendorScopedKey.Format(target.Conversation.VendorId, target.Conversation.ConversationId);
        var result = await Cluster.GetGrainCached<IConversationGrain>(key).ResolveAsync(resolution);
        if (result.Succeeded)
        {
            await SendSeeOtherAsync($"../conversation?token={token}", cancellationToken);
            return;
        }

        LinkLog.FormRejected(Logger, DigestLinkPurpose.Conversation, customerId, 1);
        var current = target with { Conversation = result.Conversation ?? target.Conversation };
        await SendThreadAsync(StatusCodes.Status409Conflict, current, token, "", values,
            ["The conversation was not withdrawn because the vendor has already resolved it."], cancellationToken);
    }
}
