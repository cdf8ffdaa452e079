using TermSync.Api.Features.Conversations;
using TermSync.Conversations;

namespace TermSync.Api.Features.Customers.Conversations.Withdraw;

public sealed class Endpoint(IClusterClient cluster) : ConversationEndpoint<Request>
{
    public override void Configure()
    {
        Post("/customers/{customerId}/conversations/{vendorId}/{conversationId}/withdrawal");
        Summary(summary =>
        {
            summary.Summary = "Withdraw a customer's question or dispute";
            summary.Description = "Resolves the conversation as withdrawn; a dispute's invoices return to the amount owed in the next digest. " +
                "Withdrawing again changes nothing; a conversation the vendor resolved is 400 naming the outcome, and one of another customer is 404.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (await CustomerConversations.FindAsync(cluster, request.CustomerId, request.VendorId, request.ConversationId) is null)
        {
            await Send.ResultAsync(CustomerConversations.NotFound(request.CustomerId, request.VendorId, request.ConversationId));
            return;
        }

        var resolution = new ResolutionDraft(ResolutionOutcome.Withdrawn, Party.Customer, request.AuthorName!.Trim(), Text: request.Text);
        var result = await cluster.GetGrainCached<IConversationGrain>(VendorScopedKey.Format(request.VendorId, request.ConversationId)).ResolveAsync(resolution);
        await SendResultAsync(result, StatusCodes.Status200OK, cancellationToken);
    }
}
