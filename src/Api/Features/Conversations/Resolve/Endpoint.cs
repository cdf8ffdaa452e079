using TermSync.Conversations;

namespace TermSync.Api.Features.Conversations.Resolve;

public sealed class Endpoint(IClusterClient cluster) : ConversationEndpoint<Request>
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/conversations/{conversationId}/resolution");
        Summary(summary =>
        {
            summary.Summary = "Resolve a question or dispute";
            summary.Description = "A question ends as answered; a dispute as creditIssued (reference: a credit note already issued against one of its " +
                "invoices), invoiceCorrected (reference: the amended invoice) or disputeRejected. The invoices return to collection in the next digest. " +
                "A resolution counts as the vendor's first reply when none came before. The same resolution again changes nothing; another is 409.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var resolution = new ResolutionDraft(request.Outcome!.Value, Party.Vendor, request.AuthorName!.Trim(), request.Reference?.Trim(), Text: request.Text);
        var result = await cluster.GetGrainCached<IConversationGrain>(VendorScopedKey.Format(request.VendorId, request.ConversationId)).ResolveAsync(resolution);
        await SendResultAsync(result, StatusCodes.Status200OK, cancellationToken);
    }
}
