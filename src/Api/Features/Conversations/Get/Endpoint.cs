using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Conversations;

namespace TermSync.Api.Features.Conversations.Get;

public sealed record Request(string VendorId, string ConversationId);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, ConversationResponse>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/conversations/{conversationId}");
        Summary(summary =>
        {
            summary.Summary = "Get a conversation with its thread and response clock";
            summary.Description = "Messages are in the order written, each with its author and time. firstResponseHours and firstResponseBusinessHours " +
                "time the vendor's first reply on the calendar clock and within the vendor's business hours.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var conversation = Identifiers.IsConversationId(request.ConversationId)
            ? await cluster.GetGrainCached<IConversationGrain>(VendorScopedKey.Format(request.VendorId, request.ConversationId)).GetAsync()
            : null;
        if (conversation is null)
        {
            await Send.ResultAsync(Problems.NotFound("Conversation not found.", $"Vendor '{request.VendorId}' has no conversation '{request.ConversationId}'."));
            return;
        }

        await Send.OkAsync(ConversationResponse.From(conversation), cancellationToken);
    }
}
