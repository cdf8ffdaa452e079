using FastEndpoints;
using TermSync.Digests;
using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Features.Links;

/// <summary>
/// Unsubscribes the customer of a signed unsubscribe token: from the confirmation page's form, or as an RFC 8058
/// one-click unsubscribe, where the mail client posts "List-Unsubscribe=One-Click" to the link's address.
/// Unsubscribing again changes nothing.
/// </summary>
public sealed class UnsubscribeEndpoint(IClusterClient cluster, DigestLinkSigner signer, ILogger<UnsubscribeEndpoint> logger)
    : LinkEndpoint<EmptyRequest>(signer, logger)
{
    public override void Configure()
    {
        Post("/links/unsubscribe");
        DescribePage(
            "Unsubscribe through a digest link",
            "Takes the signed token from the query (RFC 8058 one-click, with the form body List-Unsubscribe=One-Click) or from the form field " +
            "'token' (the confirmation page), and stops every digest to that customer. A tampered token gets 400 and an expired one 410.");
    }

    public override async Task HandleAsync(EmptyRequest request, CancellationToken cancellationToken)
    {
        string? token = HttpContext.Request.Query["token"];
        if (string.IsNullOrEmpty(token) && HttpContext.Request.HasFormContentType)
        {
            var form = await HttpContext.Request.ReadFormAsync(cancellationToken);
            token = form["token"];
        }

        if (await VerifyAsync(token, DigestLinkPurpose.Unsubscribe, cancellationToken) is not { } claims)
        {
            return;
        }

        await cluster.GetGrainCached<IDigestGrain>(claims.CustomerId).UnsubscribeAsync();
        LinkLog.Unsubscribed(logger, claims.CustomerId);
        await SendPageAsync(
            StatusCodes.Status200OK,
            "You are unsubscribed",
            "<p>TermSync sends your company no more digests. Vendors can still send you their own reminders.</p>",
            cancellationToken);
    }
}
