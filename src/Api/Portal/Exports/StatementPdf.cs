using PdfSharp.Drawing;
using PdfSharp.Pdf;
using TermSync.Customers;
using TermSync.Grains.Digests;
using TermSync.Money;

namespace TermSync.Api.Portal.Exports;

/// <summary>
/// Renders a customer's statement as an A4 PDF with PDFsharp: the customer's name and as-of date, one table of open
/// invoices per vendor followed by that vendor's totals per currency, then the statement's totals per currency.
/// Amounts and dates are formatted in the statement's language, as on the statement page.
/// </summary>
public static class StatementPdf
{
    /// <summary>The title at the top of the first page and in the document properties.</summary>
    public const string Title = "Statement of open invoices";

    /// <summary>Column headers of each vendor's invoice table, in column order.</summary>
    public static readonly IReadOnlyList<string> InvoiceColumns = ["Invoice", "Issued", "Due", "Open amount", "Status"];

    /// <summary>Column headers of the totals table, in column order.</summary>
    public static readonly IReadOnlyList<string> TotalColumns = ["Currency", "Owed", "Of which past due", "Under review"];

    /// <summary>
    /// Renders <paramref name="statement"/> as PDF bytes. Characters that DejaVu Sans has no glyph for, such as
    /// Chinese and Japanese ideographs, are drawn as U+FFFD (�). Safe to call from several threads at once.
    /// </summary>
    /// <exception cref="ArgumentException">A line's currency is not one of <see cref="Currencies.Codes"/>.</exception>
    /// <exception cref="FileNotFoundException">The DejaVu Sans font files are not installed.</exception>
    /// <exception cref="InvalidOperationException">Another PDFsharp font resolver is set in this process.</exception>
    public static byte[] Render(CustomerStatement statement)
    {
        var fonts = new PdfFonts();
        var format = DigestFormatter.For(statement.Language);
        var customer = statement.Name ?? statement.CustomerId;
        var asOf = format.FormatDate(statement.AsOf);

        using var document = new PdfDocument();
        document.Info.Title = $"{Title}: {customer}, {asOf}";
        document.Info.Creator = "TermSync";

        using (var writer = new PdfFlowWriter(document, fonts, $"{customer}: {Title.ToLowerInvariant()} as of {asOf}"))
        {
            writer.Paragraph(Title, fonts.Title);
            writer.Paragraph(customer, fonts.Caption, spaceBefore: 6);
            writer.Paragraph($"As of {asOf}", fonts.Text);

            if (statement.Vendors.All(vendor => vendor.Invoices.Count == 0))
            {
                writer.Paragraph("You have no open invoices.", fonts.Text, spaceBefore: 12);
            }
            else
            {
                foreach (var vendor in statement.Vendors)
                {
                    WriteVendor(writer, fonts, format, vendor, statement.AsOf);
                }

                WriteTotals(writer, format, statement.Totals);
            }

            writer.Finish();
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void WriteVendor(PdfFlowWriter writer, PdfFonts fonts, DigestFormatter format, VendorStatement vendor, DateOnly asOf)
    {
        // The widths in points add up to the A4 content width less the column gaps. Long dates and amounts wrap within their column.
        writer.BeginTable(
            new PdfTable(vendor.VendorName,
            [
                new PdfColumn(InvoiceColumns[0], 75),
                new PdfColumn(InvoiceColumns[1], 125),
                new PdfColumn(InvoiceColumns[2], 125),
                new PdfColumn(InvoiceColumns[3], 75, XStringAlignment.Far),
                new PdfColumn(InvoiceColumns[4], 90),
            ]),
            spaceBefore: 14);

        foreach (var line in vendor.Invoices)
        {
            writer.Row(
            [
                line.InvoiceNumber,
                format.FormatDate(line.IssueDate),
                format.FormatDate(line.DueDate),
                format.FormatAmount(line.OpenAmount, line.Currency),
                Status(format, line, asOf),
            ]);
        }

        writer.EndTable();
        foreach (var total in vendor.Totals)
        {
            writer.Paragraph(
                $"Total in {total.Currency}: {format.FormatAmount(total.OwedAmount, total.Currency)} owed, " +
                $"{format.FormatAmount(total.PastDueAmount, total.Currency)} of it past due, " +
                $"{format.FormatAmount(total.DisputedAmount, total.Currency)} under review",
                fonts.CellBold,
                spaceBefore: 3);
        }
    }

    private static void WriteTotals(PdfFlowWriter writer, DigestFormatter format, IReadOnlyList<CurrencyTotal> totals)
    {
        writer.BeginTable(
            new PdfTable("Totals",
            [
                new PdfColumn(TotalColumns[0], 70),
                new PdfColumn(TotalColumns[1], 140, XStringAlignment.Far),
                new PdfColumn(TotalColumns[2], 140, XStringAlignment.Far),
                new PdfColumn(TotalColumns[3], 140, XStringAlignment.Far),
            ]),
            spaceBefore: 18);

        foreach (var total in totals)
        {
            writer.Row(
            [
                total.Currency,
                format.FormatAmount(total.OwedAmount, total.Currency),
                format.FormatAmount(total.PastDueAmount, total.Currency),
                format.FormatAmount(total.DisputedAmount, total.Currency),
            ]);
        }

        writer.EndTable();
    }

    /// <summary>Returns the invoice's status as the statement page shows it, such as "Past due 3 days" or "Under review".</summary>
    private static string Status(DigestFormatter format, StatementLine line, DateOnly asOf) => line switch
    {
        { Disputed: true, OwedAmount: <= 0 } => "Under review",
        { Disputed: true } => $"{format.FormatAmount(line.DisputedAmount, line.Currency)} under review; {DigestFormatter.DueStatus(line.DueDate, asOf)}",
        _ => DigestFormatter.DueStatus(line.DueDate, asOf),
    };
}
