using FastEndpoints;
using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Features.Links;

/// <summary>
/// Base of the anonymous pages behind digest links. The token is the only credential, so every page checks it
/// first and responds to a tampered or malformed one with 400 and to an expired one with 410.
/// </summary>
public abstract class LinkEndpoint<TRequest>(DigestLinkSigner signer, ILogger logger) : Endpoint<TRequest>
    where TRequest : notnull
{
    protected DigestLinkSigner Signer => signer;

    /// <summary>Checks the token and returns its claims, or sends the rejection page and returns null.</summary>
    protected async Task<DigestLinkClaims?> VerifyAsync(string? token, DigestLinkPurpose purpose, CancellationToken cancellationToken)
    {
        var verification = signer.Verify(token, purpose);
        if (verification.Claims is { } claims)
        {
            return claims;
        }

        LinkLog.Rejected(logger, purpose, verification.Status);
        await SendRejectedAsync(verification.Status, cancellationToken);
        return null;
    }

    /// <summary>Sends the page for a link that is not valid (400) or has expired (410).</summary>
    protected Task SendRejectedAsync(DigestLinkStatus status, CancellationToken cancellationToken) =>
        status == DigestLinkStatus.Expired
            ? SendPageAsync(StatusCodes.Status410Gone, LinkPage.ExpiredTitle, LinkPage.ExpiredBody, cancellationToken)
            : SendPageAsync(StatusCodes.Status400BadRequest, LinkPage.NotValidTitle, LinkPage.NotValidBody, cancellationToken);

    /// <summary>
    /// Sends an HTML page that no cache keeps and that sends no Referer header onward, because the token in the
    /// address is the reader's credential.
    /// </summary>
    protected Task SendPageAsync(int statusCode, string title, string body, CancellationToken cancellationToken)
    {
        HttpContext.Response.Headers.CacheControl = "no-store";
        HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Send.StringAsync(LinkPage.Render(title, body), statusCode, "text/html; charset=utf-8", cancellationToken);
    }

    /// <summary>Reads the posted form, or returns an empty one when the request carries no form body.</summary>
    protected async Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken) =>
        HttpContext.Request.HasFormContentType
            ? await HttpContext.Request.ReadFormAsync(cancellationToken)
            : FormCollection.Empty;

    /// <summary>
    /// Sends 303 See Other to <paramref name="location"/>, a path relative to the request's address, so the browser
    /// loads the page with GET and reloading it does not post the form again.
    /// </summary>
    protected Task SendSeeOtherAsync(string location, CancellationToken cancellationToken)
    {
        HttpContext.Response.Headers.CacheControl = "no-store";
        HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
        HttpContext.Response.Headers.Location = location;
        return Send.StatusCodeAsync(StatusCodes.Status303SeeOther, cancellationToken);
    }

    /// <summary>
    /// Opens the page to anonymous requests and declares its responses for the OpenAPI document. It declares no request
    /// content type, because routing would then reject a POST without a body with 415.
    /// </summary>
    /// <param name="isFormAction">True for a form's POST, which also sends 303 to the next page and 409 for a command
    /// the conversation's state rejects.</param>
    protected void DescribePage(string summary, string description, bool isFormAction = false)
    {
        AllowAnonymous();
        Description(builder =>
        {
            builder
                .Produces<string>(StatusCodes.Status200OK, "text/html")
                .Produces<string>(StatusCodes.Status400BadRequest, "text/html")
                .Produces<string>(StatusCodes.Status410Gone, "text/html");
            if (isFormAction)
            {
                builder
                    .Produces(StatusCodes.Status303SeeOther)
                    .Produces<string>(StatusCodes.Status409Conflict, "text/html");
            }
        }, clearDefaults: true);
        Summary(settings =>
        {
            settings.Summary = summary;
            settings.Description = description;
        });
    }
}
