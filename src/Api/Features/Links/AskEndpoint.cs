using FastEndpoints;

namespace TermSync.Api.Features.Links;

public sealed class AskEndpoint(IClusterClient cluster) : Endpoint<LinkRequest>
{
    public override void Configure()
    {
        Get("/ask/{vendorId}/{invoiceNumber}");
        AllowAnonymous();
        Description(builder => builder.Produces<string>(StatusCodes.Status200OK, "text/html").Produces<string>(StatusCodes.Status404NotFound, "text/html"), clearDefaults: true);
        Summary(summary => summary.Summary = "Page behind a digest's ask-a-question link");
    }

    public override async Task HandleAsync(LinkRequest request, CancellationToken cancellationToken)
    {
        var target = await LinkPage.LoadAsync(cluster, request);
        if (target is not var (invoice, vendor))
        {
            await Send.StringAsync(LinkPage.NotValid(), StatusCodes.Status404NotFound, "text/html; charset=utf-8", cancellationToken);
            return;
        }

        var subject = Uri.EscapeDataString($"Question about invoice {invoice.InvoiceNumber}");
        var body = LinkPage.Summary(invoice, vendor) +
            $"<p><a href=\"mailto:{LinkPage.Encode(vendor.ContactEmail)}?subject={LinkPage.Encode(subject)}\">Write to {LinkPage.Encode(vendor.Name)}</a> " +
            "to ask a question about this invoice or to dispute a charge.</p>";
        await Send.StringAsync(LinkPage.Render($"Ask about invoice {invoice.InvoiceNumber}", body), StatusCodes.Status200OK, "text/html; charset=utf-8", cancellationToken);
    }
}
