using TermSync.Api.Features.Conversations;
using TermSync.Conversations;

namespace TermSync.Api.Features.Customers.Conversations.Open;

public sealed class Endpoint(IClusterClient cluster) : ConversationEndpoint<Request>
{
    public override void Configure()
    {
        Post("/customers/{customerId}/conversations");
        Summary(summary =>
        {
            summary.Summary = "Open a customer's question or dispute with a vendor";
            summary.Description = "The invoices must be the vendor's and billed to this customer; any other reads as not found. A dispute holds its " +
                "invoices, or the disputed amounts, out of the amount owed until it is resolved. Returns 201 with the conversation; the same request " +
                "again returns 200 and changes nothing, and other content under a used conversation id is 409.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var conversationId = ConversationInputRules.ConversationIdOf(request);
        var draft = ConversationInputRules.Draft(request, conversationId, recordedByStaff: false, raisedAt: null, request.CustomerId);
        var result = await cluster.GetGrainCached<IConversationGrain>(VendorScopedKey.Format(request.VendorId!, conversationId)).OpenAsync(draft);
        await SendResultAsync(result, StatusCodes.Status201Created, cancellationToken);
    }
}
