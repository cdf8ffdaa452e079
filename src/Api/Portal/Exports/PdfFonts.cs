using PdfSharp.Drawing;

namespace TermSync.Api.Portal.Exports;

/// <summary>The DejaVu Sans fonts of a statement PDF, sizes in points.</summary>
internal sealed class PdfFonts
{
    /// <summary>
    /// Registers <see cref="DejaVuFontResolver"/>, then creates the fonts. The order matters because PDFsharp
    /// resolves a font when an <see cref="XFont"/> is created.
    /// </summary>
    public PdfFonts()
    {
        DejaVuFontResolver.Register();
        Title = Create(14, XFontStyleEx.Bold);
        Text = Create(9);
        Caption = Create(10, XFontStyleEx.Bold);
        ColumnHeader = Create(8, XFontStyleEx.Bold);
        Cell = Create(8);
        CellBold = Create(8, XFontStyleEx.Bold);
        Small = Create(7);
    }

    public XFont Title { get; }

    public XFont Text { get; }

    public XFont Caption { get; }

    public XFont ColumnHeader { get; }

    public XFont Cell { get; }

    public XFont CellBold { get; }

    /// <summary>The font of the running header and the page numbers.</summary>
    public XFont Small { get; }

    private static XFont Create(double size, XFontStyleEx style = XFontStyleEx.Regular) => new(DejaVuFontResolver.FamilyName, size, style);
}
