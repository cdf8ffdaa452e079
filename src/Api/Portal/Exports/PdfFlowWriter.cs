using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace TermSync.Api.Portal.Exports;

/// <summary>
/// Lays out text and table rows from top to bottom on portrait A4 pages and starts a new page when the next line or
/// row does not fit. Every page after the first starts with a one-line running header, and a table that continues
/// on a new page repeats its caption and column header there. <see cref="Finish"/> numbers the pages.
/// </summary>
internal sealed class PdfFlowWriter : IDisposable
{
    /// <summary>Page margin on all four sides, in points (1/72 inch).</summary>
    private const double Margin = 40;

    /// <summary>Space kept free above the bottom margin for the page number, in points.</summary>
    private const double FooterHeight = 16;

    /// <summary>Vertical padding inside a table row, above and below its text, in points.</summary>
    private const double CellPadding = 2;

    /// <summary>Horizontal gap between table columns, in points.</summary>
    private const double ColumnGap = 6;

    private readonly PdfDocument document;
    private readonly PdfFonts fonts;
    private readonly string runningHeader;
    private XGraphics graphics;
    private double top;
    private PdfTable? table;
    private bool tableHeaderOnPage;
    private int tableRows;

    public PdfFlowWriter(PdfDocument document, PdfFonts fonts, string runningHeader)
    {
        this.document = document;
        this.fonts = fonts;
        this.runningHeader = runningHeader;
        graphics = AddPage();
    }

    /// <summary>The width between the left and right margins, in points.</summary>
    public double ContentWidth => graphics.PageSize.Width - 2 * Margin;

    private double Bottom => graphics.PageSize.Height - Margin - FooterHeight;

    /// <summary>Writes a paragraph over the content width, wrapped at spaces, breaking pages between its lines.</summary>
    public void Paragraph(string text, XFont font, double spaceBefore = 0)
    {
        top += spaceBefore;
        var lineHeight = font.GetHeight();
        foreach (var line in PdfText.Wrap(graphics, text, font, ContentWidth))
        {
            if (top + lineHeight > Bottom)
            {
                NewPage();
            }

            graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin, top, ContentWidth, lineHeight), XStringFormats.TopLeft);
            top += lineHeight;
        }
    }

    /// <summary>Starts a table. Its caption and column header are drawn with its first row, so they never end a page alone.</summary>
    /// <exception cref="ArgumentException">The columns are wider than the content width.</exception>
    public void BeginTable(PdfTable newTable, double spaceBefore)
    {
        var width = newTable.Columns.Sum(column => column.Width) + ColumnGap * (newTable.Columns.Count - 1);
        if (width > ContentWidth + 0.01)
        {
            throw new ArgumentException($"The table's columns are {width:F1} pt wide, more than the content width of {ContentWidth:F1} pt.", nameof(newTable));
        }

        table = newTable;
        tableHeaderOnPage = false;
        tableRows = 0;
        top += spaceBefore;
    }

    /// <summary>Writes a table row, one text per column, each wrapped within its column. A row never splits across pages.</summary>
    /// <exception cref="InvalidOperationException">No table was started.</exception>
    public void Row(IReadOnlyList<string> cells, XFont? font = null)
    {
        var current = table ?? throw new InvalidOperationException("Call BeginTable before writing a row.");
        font ??= fonts.Cell;
        var lines = current.Columns.Select((column, index) => PdfText.Wrap(graphics, index < cells.Count ? cells[index] : "", font, column.Width)).ToList();
        var height = lines.Max(cell => cell.Count) * font.GetHeight() + 2 * CellPadding;

        var headerHeight = tableHeaderOnPage ? 0 : TableHeaderHeight(current);
        if (top + headerHeight + height > Bottom && top > FirstLineTop)
        {
            NewPage();
        }

        if (!tableHeaderOnPage)
        {
            DrawTableHeader(current);
        }

        DrawCells(current, lines, font, height);
        top += height;
        tableRows++;
    }

    /// <summary>Ends the current table, so a page break no longer repeats its header.</summary>
    public void EndTable() => table = null;

    /// <summary>Writes "Page N of M" at the bottom of every page and closes the drawing of the last page.</summary>
    public void Finish()
    {
        graphics.Dispose();
        var count = document.PageCount;
        for (var index = 0; index < count; index++)
        {
            using var footer = XGraphics.FromPdfPage(document.Pages[index], XGraphicsPdfPageOptions.Append);
            var text = string.Create(CultureInfo.InvariantCulture, $"Page {index + 1} of {count}");
            var box = new XRect(Margin, footer.PageSize.Height - Margin - fonts.Small.GetHeight(), footer.PageSize.Width - 2 * Margin, fonts.Small.GetHeight());
            footer.DrawString(text, fonts.Small, XBrushes.Black, box, XStringFormats.TopCenter);
        }
    }

    public void Dispose() => graphics.Dispose();

    /// <summary>Top of the first line of content on a page after the first, below the running header.</summary>
    private double FirstLineTop => Margin + fonts.Small.GetHeight() * 2;

    private XGraphics AddPage()
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        top = Margin;
        return XGraphics.FromPdfPage(page);
    }

    private void NewPage()
    {
        graphics.Dispose();
        graphics = AddPage();

        var header = PdfText.Truncate(graphics, runningHeader, fonts.Small, ContentWidth);
        graphics.DrawString(header, fonts.Small, XBrushes.DimGray, new XRect(Margin, top, ContentWidth, fonts.Small.GetHeight()), XStringFormats.TopLeft);
        top = FirstLineTop;
        tableHeaderOnPage = false;
    }

    private double TableHeaderHeight(PdfTable current)
    {
        var captionHeight = current.Caption is null ? 0 : PdfText.Wrap(graphics, Caption(current), fonts.Caption, ContentWidth).Count * fonts.Caption.GetHeight();
        var headerLines = current.Columns.Max(column => PdfText.Wrap(graphics, column.Title, fonts.ColumnHeader, column.Width).Count);
        return captionHeight + headerLines * fonts.ColumnHeader.GetHeight() + 2 * CellPadding + 1;
    }

    private string Caption(PdfTable current) => tableRows > 0 ? $"{current.Caption} (continued)" : current.Caption ?? "";

    private void DrawTableHeader(PdfTable current)
    {
        if (current.Caption is not null)
        {
            foreach (var line in PdfText.Wrap(graphics, Caption(current), fonts.Caption, ContentWidth))
            {
                graphics.DrawString(line, fonts.Caption, XBrushes.Black, new XRect(Margin, top, ContentWidth, fonts.Caption.GetHeight()), XStringFormats.TopLeft);
                top += fonts.Caption.GetHeight();
            }
        }

        var lines = current.Columns.Select(column => PdfText.Wrap(graphics, column.Title, fonts.ColumnHeader, column.Width)).ToList();
        var height = lines.Max(cell => cell.Count) * fonts.ColumnHeader.GetHeight() + 2 * CellPadding;
        DrawCells(current, lines, fonts.ColumnHeader, height);
        top += height;
        graphics.DrawLine(XPens.Black, Margin, top, Margin + ContentWidth, top);
        top += 1;
        tableHeaderOnPage = true;
    }

    private void DrawCells(PdfTable current, IReadOnlyList<IReadOnlyList<string>> lines, XFont font, double height)
    {
        var lineHeight = font.GetHeight();
        var left = Margin;
        for (var index = 0; index < current.Columns.Count; index++)
        {
            var column = current.Columns[index];
            var format = new XStringFormat { Alignment = column.Alignment, LineAlignment = XLineAlignment.Near };
            var lineTop = top + CellPadding;
            foreach (var line in lines[index])
            {
                graphics.DrawString(line, font, XBrushes.Black, new XRect(left, lineTop, column.Width, lineHeight), format);
                lineTop += lineHeight;
            }

            left += column.Width + ColumnGap;
        }

        graphics.DrawLine(XPens.LightGray, Margin, top + height, Margin + ContentWidth, top + height);
    }
}
