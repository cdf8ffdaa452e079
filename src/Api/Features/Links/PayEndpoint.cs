using FastEndpoints;

namespace TermSync.Api.Features.Links;

public sealed class PayEndpoint(IClusterClient cluster) : Endpoint<LinkRequest>
{
    public override void Configure()
    {
        Get("/pay/{vendorId}/{invoiceNumber}");
        AllowAnonymous();
        Description(builder => builder.Produces<string>(StatusCodes.Status200OK, "text/html").Produces<string>(StatusCodes.Status404NotFound, "text/html"), clearDefaults: true);
        Summary(summary => summary.Summary = "Page behind a digest's pay link");
    }

    public override async Task HandleAsync(LinkRequest request, CancellationToken cancellationToken)
    {
        var target = await LinkPage.LoadAsync(cluster, request);
        if (target is not var (invoice, vendor))
        {
            await Send.StringAsync(LinkPage.NotValid(), StatusCodes.Status404NotFound, "text/html; charset=utf-8", cancellationToken);
            return;
        }

        var body = LinkPage.Summary(invoice, vendor) +
            $"<p>Pay {LinkPage.Encode(vendor.Name)} with the payment details printed on the invoice, quoting the invoice number. " +
            $"For other ways to pay, write to <a href=\"mailto:{LinkPage.Encode(vendor.ContactEmail)}\">{LinkPage.Encode(vendor.ContactEmail)}</a>.</p>";
        await Send.StringAsync(LinkPage.Render($"Pay invoice {invoice.InvoiceNumber}", body), StatusCodes.Status200OK, "text/html; charset=utf-8", cancellationToken);
    }
}
