using TermSync.Grains.Digests.Links;

namespace TermSync.Grains.Digests;

/// <summary>
/// Renders digest content as an HTML and a plain-text message from the Liquid templates in Digests/Templates, with
/// amounts and dates in the customer's language and signed links that expire after <see cref="DigestOptions.LinkLifetime"/>.
/// The templates are parsed once, when this singleton is created.
/// </summary>
public sealed class DigestRenderer(DigestLinkSigner signer)
{
    private readonly DigestTemplates templates = new();
    private readonly DigestViewBuilder views = new(signer);

    public DigestMessage Render(DigestContent content)
    {
        var view = views.Build(content);
        return new DigestMessage(
            content.DigestId,
            content.CustomerId,
            content.Key,
            content.Email,
            view.Subject,
            templates.RenderHtml(view),
            templates.RenderText(view),
            view.UnsubscribeUrl);
    }
}
