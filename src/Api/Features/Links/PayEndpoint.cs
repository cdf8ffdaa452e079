using TermSync.Grains.Digests.Links;
using TermSync.Invoices;
using TermSync.Vendors;

namespace TermSync.Api.Features.Links;

public sealed class PayEndpoint(IClusterClient cluster, DigestLinkSigner signer, TimeProvider time, ILogger<PayEndpoint> logger)
    : LinkEndpoint<LinkRequest>(signer, logger)
{
    public override void Configure()
    {
        Get("/links/pay");
        DescribePage(
            "Page behind a digest's pay link",
            "Shows the invoice's open amount now, its due date and how to pay the vendor, with a link to the vendor's payment page when it set one. The token is the signed link token from the digest; " +
            "a tampered token, or one whose invoice is billed to another customer now, gets 400, and an expired one 410.");
    }

    public override async Task HandleAsync(LinkRequest request, CancellationToken cancellationToken)
    {
        if (await VerifyAsync(request.Token, DigestLinkPurpose.Pay, cancellationToken) is not { } claims)
        {
            return;
        }

        if (await InvoiceLinkTarget.LoadAsync(cluster, claims, logger) is not { } target)
        {
            await SendRejectedAsync(DigestLinkStatus.Invalid, cancellationToken);
            return;
        }

        var (invoice, vendor) = target;
        var payNow = invoice.OwedAmount > 0 ? await PayNowHtmlAsync(invoice) : "";
        var howToPay = invoice.IsOpen
            ? $"<h2>How to pay</h2>{payNow}<p>Pay {LinkPage.Encode(vendor.Name)} with the payment details printed on the invoice, and quote the invoice number " +
              $"{LinkPage.Encode(invoice.InvoiceNumber)}. For other ways to pay, write to " +
              $"<a href=\"{LinkPage.Encode(LinkPage.MailTo(vendor.ContactEmail, $"Payment of invoice {invoice.InvoiceNumber}"))}\">{LinkPage.Encode(vendor.ContactEmail)}</a>.</p>"
            : "";
        await SendPageAsync(StatusCodes.Status200OK, $"Pay invoice {invoice.InvoiceNumber}", target.SummaryHtml(time) + howToPay + LinkPage.PortalLink(request.Token!), cancellationToken);
    }

    /// <summary>Returns a "Pay now" link to the vendor's payment page for the amount owed, or "" when the vendor set no page.</summary>
    private async Task<string> PayNowHtmlAsync(InvoiceSnapshot invoice)
    {
        var template = await cluster.GetGrainCached<IVendorGrain>(invoice.VendorId).GetPaymentPageAsync();
        if (template is null)
        {
            return "";
        }

        var url = PaymentPageTemplate.Expand(template, invoice.InvoiceNumber, invoice.OwedAmount, invoice.Currency, invoice.AccountNumber);
        return $"<p><a href=\"{LinkPage.Encode(url)}\" rel=\"noopener noreferrer\">Pay now</a> on the vendor's payment page.</p>";
    }
}
