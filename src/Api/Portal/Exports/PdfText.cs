using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace TermSync.Api.Portal.Exports;

/// <summary>
/// Fits text into a width for PDFsharp, which draws one line per call and neither wraps nor clips. Characters that
/// the font has no glyph for become U+FFFD (�) first. PDFsharp 6.2.4 measures a missing glyph narrower than it
/// draws it, so text that kept them would overflow its column.
/// </summary>
/// <remarks>
/// NOTE: PDFsharp 6.2.4 neither reorders right-to-left text nor joins Arabic letters, so Arabic and Hebrew names
/// appear as separate letters in the order they are stored.
/// </remarks>
internal static class PdfText
{
    private const string Ellipsis = "…";

    /// <summary>
    /// Splits <paramref name="text"/> into lines no wider than <paramref name="width"/> points, at spaces where
    /// possible. A word wider than a line is split between characters, never inside a surrogate pair or a combining
    /// sequence. Control characters become spaces. Empty text gives one empty line.
    /// </summary>
    public static List<string> Wrap(XGraphics graphics, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in Prepare(text, font).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (Fits(graphics, candidate, font, width))
            {
                line.Clear().Append(candidate);
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            if (Fits(graphics, word, font, width))
            {
                line.Append(word);
                continue;
            }

            foreach (var element in TextElements(word))
            {
                if (line.Length > 0 && !Fits(graphics, line + element, font, width))
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                line.Append(element);
            }
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>Returns <paramref name="text"/> on one line, cut and ended with "…" when it is wider than <paramref name="width"/> points.</summary>
    public static string Truncate(XGraphics graphics, string text, XFont font, double width)
    {
        var prepared = Prepare(text, font);
        if (Fits(graphics, prepared, font, width))
        {
            return prepared;
        }

        var truncated = new StringBuilder();
        foreach (var element in TextElements(prepared))
        {
            if (!Fits(graphics, truncated + element + Ellipsis, font, width))
            {
                break;
            }

            truncated.Append(element);
        }

        return truncated.Append(Ellipsis).ToString();
    }

    private static bool Fits(XGraphics graphics, string text, XFont font, double width) =>
        graphics.MeasureString(text, font).Width <= width;

    /// <summary>
    /// Replaces control characters, such as line breaks and tabs from vendor data, with spaces, and characters
    /// without a glyph in <paramref name="font"/>, including unpaired surrogates, with U+FFFD.
    /// </summary>
    private static string Prepare(string text, XFont font)
    {
        var prepared = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune))
            {
                prepared.Append(' ');
            }
            else if (GlyphHelper.GlyphIndexFromCodePoint(rune.Value, font) == 0)
            {
                prepared.Append(Rune.ReplacementChar.ToString());
            }
            else
            {
                prepared.Append(rune.ToString());
            }
        }

        return prepared.ToString();
    }

    private static IEnumerable<string> TextElements(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            yield return elements.GetTextElement();
        }
    }
}
