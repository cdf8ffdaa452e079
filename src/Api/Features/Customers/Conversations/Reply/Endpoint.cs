using TermSync.Api.Features.Conversations;
using TermSync.Conversations;

namespace TermSync.Api.Features.Customers.Conversations.Reply;

public sealed class Endpoint(IClusterClient cluster) : ConversationEndpoint<Request>
{
    public override void Configure()
    {
        Post("/customers/{customerId}/conversations/{vendorId}/{conversationId}/messages");
        Summary(summary =>
        {
            summary.Summary = "Reply to the vendor as the customer";
            summary.Description = "Adds the customer's message to the thread and notifies the vendor. A message id already in the thread changes " +
                "nothing; a resolved conversation is 409, and a conversation of another customer is 404.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (await CustomerConversations.FindAsync(cluster, request.CustomerId, request.VendorId, request.ConversationId) is null)
        {
            await Send.ResultAsync(CustomerConversations.NotFound(request.CustomerId, request.VendorId, request.ConversationId));
            return;
        }

        var reply = new ReplyDraft(request.MessageId ?? $"m{Guid.CreateVersion7():N}", Party.Customer, request.AuthorName!.Trim(), request.Text!);
        var result = await cluster.GetGrainCached<IConversationGrain>(VendorScopedKey.Format(request.VendorId, request.ConversationId)).ReplyAsync(reply);
        await SendResultAsync(result, StatusCodes.Status201Created, cancellationToken);
    }
}
