using FastEndpoints;
using TermSync.Api.Features.Conversations;

namespace TermSync.Api.Features.Customers.Conversations.Get;

public sealed record Request(string CustomerId, string VendorId, string ConversationId);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, ConversationResponse>
{
    public override void Configure()
    {
        Get("/customers/{customerId}/conversations/{vendorId}/{conversationId}");
        Summary(summary =>
        {
            summary.Summary = "Get a customer's conversation with a vendor";
            summary.Description = "Messages are in the order written, each with its author and time. A conversation of another customer is 404, " +
                "like one that was never opened.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (await CustomerConversations.FindAsync(cluster, request.CustomerId, request.VendorId, request.ConversationId) is not { } conversation)
        {
            await Send.ResultAsync(CustomerConversations.NotFound(request.CustomerId, request.VendorId, request.ConversationId));
            return;
        }

        await Send.OkAsync(ConversationResponse.From(conversation), cancellationToken);
    }
}
