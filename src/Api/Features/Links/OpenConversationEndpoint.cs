using FastEndpoints;
using TermSync.Api.Features.Conversations;
using TermSync.Conversations;
using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Features.Links;

/// <summary>
/// Opens the question or dispute of the ask page's form and sends the browser on to its thread. The form's nonce is
/// the conversation id, so sending the same form again opens nothing new and leads to the same thread.
/// </summary>
/// <remarks>
/// The form carries no antiforgery token because it needs none: this site sets no cookie and keeps no session,
/// and the signed token in the form is the credential. A page on another site can only post a token it already has.
/// </remarks>
public sealed class OpenConversationEndpoint(IClusterClient cluster, DigestLinkSigner signer, TimeProvider time, ILogger<OpenConversationEndpoint> logger)
    : LinkEndpoint<EmptyRequest>(signer, logger)
{
    public override void Configure()
    {
        Post("/links/ask");
        DescribePage(
            "Open a question or dispute from the ask page",
            "Takes the ask page's form: token, nonce (the conversation id), kind (question or dispute), reason (pricing, quantity, damagedGoods, " +
            "notReceived, duplicateBilling or other, for a dispute), disputedAmount (optional, below the open amount), authorName and text. " +
            "Redirects with 303 to the thread at /links/conversation. A form with invalid fields is shown again with 400 and a message per " +
            "field; the same nonce with other content gets 409. A tampered token gets 400 and an expired one 410.",
            isFormAction: true);
    }

    public override async Task HandleAsync(EmptyRequest request, CancellationToken cancellationToken)
    {
        var form = await ReadFormAsync(cancellationToken);
        var token = form["token"].ToString();
        if (await VerifyAsync(token, DigestLinkPurpose.Ask, cancellationToken) is not { } claims)
        {
            return;
        }

        if (await InvoiceLinkTarget.LoadAsync(cluster, claims, logger) is not { } target)
        {
            await SendRejectedAsync(DigestLinkStatus.Invalid, cancellationToken);
            return;
        }

        var values = AskForm.From(form);
        if (values.Check(target.Invoice, out var errors) is not { } submission)
        {
            LinkLog.FormRejected(logger, DigestLinkPurpose.Ask, claims.CustomerId, errors.Count);
            await SendFormAsync(StatusCodes.Status400BadRequest, target, token, values.HasValidNonce ? values : values with { Nonce = AskForm.NewNonce() }, errors, null, cancellationToken);
            return;
        }

        var conversationId = submission.ConversationId!;
        var draft = ConversationInputRules.Draft(submission, conversationId, recordedByStaff: false, raisedAt: null, claims.CustomerId);
        var result = await cluster.GetGrainCached<IConversationGrain>(VendorScopedKey.Format(claims.VendorId!, conversationId)).OpenAsync(draft);
        if (result.Succeeded && result.Conversation!.CustomerId == claims.CustomerId)
        {
            await SendSeeOtherAsync(ConversationLink.RelativeUrl(Signer, result.Conversation, ""), cancellationToken);
            return;
        }

        LinkLog.FormRejected(logger, DigestLinkPurpose.Ask, claims.CustomerId, 1);
        if (result.Status == ConversationCommandStatus.Conflict)
        {
            // The nonce names a conversation already opened with other content: the customer went back and changed the form.
            var owned = result.Conversation?.CustomerId == claims.CustomerId;
            var notice = owned
                ? $"This form was sent before, so it was not sent again. <a href=\"{LinkPage.Encode(ConversationLink.RelativeUrl(Signer, result.Conversation!, ""))}\">" +
                  "Open the conversation</a> to reply there, or send the form below to open a new one."
                : "This form was sent before, so it was not sent again. Send the form below to open a new conversation.";
            await SendFormAsync(StatusCodes.Status409Conflict, target, token, values with { Nonce = AskForm.NewNonce() }, [], notice, cancellationToken);
            return;
        }

        await SendFormAsync(StatusCodes.Status400BadRequest, target, token, values, [result.Error ?? "The question was rejected; check the fields and send the form again."], null, cancellationToken);
    }

    private Task SendFormAsync(int status, InvoiceLinkTarget target, string token, AskForm values, IReadOnlyList<string> errors, string? notice, CancellationToken cancellationToken) =>
        SendPageAsync(status, AskPage.Title(target), AskPage.Render(target, time, token, values, errors, notice), cancellationToken);
}
