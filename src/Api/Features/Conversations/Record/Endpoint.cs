using TermSync.Conversations;

namespace TermSync.Api.Features.Conversations.Record;

public sealed class Endpoint(IClusterClient cluster) : ConversationEndpoint<Request>
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/conversations");
        Summary(summary =>
        {
            summary.Summary = "Record a customer's question or dispute raised with staff";
            summary.Description = "For a question a customer raised by phone or during a collection call. It is marked as recorded by staff and counts " +
                "like any other in every figure; the response clock starts at raisedAt. A dispute holds its invoices, or the disputed amounts, out of the " +
                "amount owed in digests until it is resolved. Returns 201 with the conversation; the same request again returns 200 and changes nothing.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var conversationId = ConversationInputRules.ConversationIdOf(request);
        var draft = ConversationInputRules.Draft(request, conversationId, recordedByStaff: true, request.RaisedAt, customerId: null);
        var result = await cluster.GetGrainCached<IConversationGrain>(VendorScopedKey.Format(request.VendorId, conversationId)).OpenAsync(draft);
        await SendResultAsync(result, StatusCodes.Status201Created, cancellationToken);
    }
}
