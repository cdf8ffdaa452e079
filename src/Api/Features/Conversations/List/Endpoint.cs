using FastEndpoints;
using TermSync.Conversations;

namespace TermSync.Api.Features.Conversations.List;

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, IReadOnlyList<ConversationListItem>>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/conversations");
        Summary(summary =>
        {
            summary.Summary = "List the vendor's questions and disputes";
            summary.Description = "Conversations still waiting for a first reply come first, oldest first; the rest follow, newest first. The list is " +
                "fed by the conversation events, so a change shows up here a moment after the command that made it.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var items = await cluster.GetGrainCached<IVendorConversationFiguresGrain>(request.VendorId)
            .ListAsync(openOnly: request.Status != "all", request.Limit ?? 100);
        await Send.OkAsync(items, cancellationToken);
    }
}
