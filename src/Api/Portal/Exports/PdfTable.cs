using PdfSharp.Drawing;

namespace TermSync.Api.Portal.Exports;

/// <summary>A table column: its header text, width in points and the horizontal alignment of its cells.</summary>
internal sealed record PdfColumn(string Title, double Width, XStringAlignment Alignment = XStringAlignment.Near);

/// <summary>
/// A table that <see cref="PdfFlowWriter"/> lays out. The caption and the column header are drawn above the first
/// row and again at the top of every page the table continues on, with "(continued)" after the caption.
/// </summary>
internal sealed record PdfTable(string? Caption, IReadOnlyList<PdfColumn> Columns);
