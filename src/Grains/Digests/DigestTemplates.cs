using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace TermSync.Grains.Digests;

/// <summary>
/// The Liquid templates of the digest, embedded in this assembly under Digests/Templates and parsed once.
/// The HTML template renders through an HTML encoder that escapes every value it outputs, so markup in a vendor
/// name or invoice number shows as text. The plain-text template renders values unchanged.
/// </summary>
internal sealed class DigestTemplates
{
    /// <summary>Escapes markup characters only, so accented and non-Latin names stay readable instead of becoming entities.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly TemplateOptions Options = new TemplateOptionsBuilder().Build();

    private readonly IFluidTemplate html;
    private readonly IFluidTemplate text;

    public DigestTemplates()
    {
        var parser = new FluidParser();
        html = Parse(parser, "digest.html.liquid");
        text = Parse(parser, "digest.txt.liquid");
    }

    public string RenderHtml(DigestView view) => html.Render(new TemplateContext(view, Options), Html);

    public string RenderText(DigestView view) => text.Render(new TemplateContext(view, Options), NullEncoder.Default);

    private static IFluidTemplate Parse(FluidParser parser, string fileName)
    {
        var resource = $"TermSync.Grains.Digests.Templates.{fileName}";
        using var stream = typeof(DigestTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded digest template '{resource}' is missing from {typeof(DigestTemplates).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return parser.TryParse(reader.ReadToEnd(), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"The digest template '{fileName}' is not valid Liquid: {error}");
    }
}
