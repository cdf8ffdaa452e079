using TermSync.Conversations;

namespace TermSync.Api.Features.Conversations.Reply;

public sealed class Endpoint(IClusterClient cluster) : ConversationEndpoint<Request>
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/conversations/{conversationId}/messages");
        Summary(summary =>
        {
            summary.Summary = "Reply to the customer";
            summary.Description = "The vendor's first reply stops the first-response clock. The customer is emailed the reply with a link to the thread. " +
                "A message id already in the thread changes nothing; a resolved conversation is 409.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var reply = new ReplyDraft(request.MessageId ?? $"m{Guid.CreateVersion7():N}", Party.Vendor, request.AuthorName!.Trim(), request.Text!);
        var result = await cluster.GetGrainCached<IConversationGrain>(VendorScopedKey.Format(request.VendorId, request.ConversationId)).ReplyAsync(reply);
        await SendResultAsync(result, StatusCodes.Status201Created, cancellationToken);
    }
}
