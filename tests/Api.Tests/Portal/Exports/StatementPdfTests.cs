using TermSync.Api.Portal.Exports;
using UglyToad.PdfPig;

namespace TermSync.Api.Tests.Portal.Exports;

public sealed class StatementPdfTests
{
    /// <summary>Width and height of an A4 page in points, rounded.</summary>
    private const int A4Width = 595;
    private const int A4Height = 842;

    /// <summary>Right edge of the invoice column and left edge of the next one, in points from the page's left edge.</summary>
    private const double InvoiceColumnRight = 40 + 75;
    private const double IssuedColumnLeft = InvoiceColumnRight + 6;

    /// <summary>Size of the regular font that table cells, and no other text, use.</summary>
    private const double CellPointSize = 8;

    [Fact]
    public void Pdf_shows_vendors_invoices_and_totals()
    {
        var pages = PageTexts(StatementPdf.Render(StatementSamples.Small()));

        var text = Assert.Single(pages);
        Assert.Contains(StatementPdf.Title, text, StringComparison.Ordinal);
        Assert.Contains("Northwind Traders", text, StringComparison.Ordinal);
        Assert.Contains("As of Monday, March 10, 2025", text, StringComparison.Ordinal);
        Assert.Contains("Acme Supplies", text, StringComparison.Ordinal);
        Assert.Contains("Kyoto Parts, Ltd.", text, StringComparison.Ordinal);
        Assert.Contains("INV-100", text, StringComparison.Ordinal);
        Assert.Contains("INV-101", text, StringComparison.Ordinal);
        Assert.Contains("K-7", text, StringComparison.Ordinal);
        Assert.Contains("100.00 USD under review;", text, StringComparison.Ordinal);
        Assert.Contains("Due in 12 days", text, StringComparison.Ordinal);
        Assert.Contains("Past due 24 days", text, StringComparison.Ordinal);
        Assert.Contains("Total in USD: 1,400.00 USD owed, 1,200.00 USD of it past due, 100.00 USD under review", text, StringComparison.Ordinal);
        Assert.Contains("Total in JPY: 150,000 JPY owed, 150,000 JPY of it past due, 0 JPY under review", text, StringComparison.Ordinal);
        Assert.Contains("Currency Owed Of which past due Under review", text, StringComparison.Ordinal);
        Assert.Contains("JPY 150,000 JPY 150,000 JPY 0 JPY", text, StringComparison.Ordinal);
        Assert.Contains("USD 1,400.00 USD 1,200.00 USD 100.00 USD", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_formats_in_statement_language()
    {
        var text = Assert.Single(PageTexts(StatementPdf.Render(StatementSamples.Small(language: "de"))));

        Assert.Contains("As of Montag, 10. März 2025", text, StringComparison.Ordinal);
        Assert.Contains("Samstag, 22. März 2025", text, StringComparison.Ordinal);
        Assert.Contains("USD 1.400,00 USD 1.200,00 USD 100,00 USD", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_are_portrait_a4()
    {
        using var document = PdfDocument.Open(StatementPdf.Render(StatementSamples.Long(250)));

        Assert.All(document.GetPages(), page =>
        {
            Assert.Equal(A4Width, (int)Math.Round(page.Width));
            Assert.Equal(A4Height, (int)Math.Round(page.Height));
        });
    }

    [Fact]
    public void Long_statement_repeats_column_header()
    {
        var pages = PageTexts(StatementPdf.Render(StatementSamples.Long(250)));

        Assert.True(pages.Count > 1, $"250 invoices fit on {pages.Count} page.");
        for (var index = 1; index < pages.Count; index++)
        {
            Assert.StartsWith("Contoso Retail: statement of open invoices as of Monday, March 10, 2025", pages[index], StringComparison.Ordinal);
            Assert.Contains($"Page {index + 1} of {pages.Count}", pages[index], StringComparison.Ordinal);
        }

        var laterPagesWithInvoices = pages.Skip(1).Where(page => page.Contains("LONG-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(laterPagesWithInvoices);
        Assert.All(laterPagesWithInvoices, page => Assert.Contains("Bulk Office Goods (continued) Invoice Issued Due Open amount Status LONG-", page, StringComparison.Ordinal));
        Assert.Contains("Currency Owed Of which past due Under review USD 2,500.00 USD 2,500.00 USD 0.00 USD", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Long_statement_lists_each_invoice_once()
    {
        var words = PageTexts(StatementPdf.Render(StatementSamples.Long(250)))
            .SelectMany(page => page.Split(' '))
            .Where(word => word.StartsWith("LONG-", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(250, words.Count);
        Assert.Equal(Enumerable.Range(1, 250).Select(index => $"LONG-{index:D4}"), words);
    }

    [Fact]
    public void Empty_statement_says_nothing_is_open()
    {
        var text = Assert.Single(PageTexts(StatementPdf.Render(StatementSamples.Statement(null, null))));

        Assert.Contains("cus-northwind", text, StringComparison.Ordinal);
        Assert.Contains("You have no open invoices.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Currency Owed", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("株式会社 Tōkyō 商事")]
    [InlineData("株式会社株式会社株式会社株式会社株式会社")]
    [InlineData("Ünïcødé 😀 vendor 👍🏽")]
    [InlineData("مورد عربي")]
    [InlineData("Lone \uD800 surrogate")]
    [InlineData("Line\nbreak\ttab\0null")]
    [InlineData("Combining e\u0301 and \u200B zero width")]
    public void Uncovered_characters_still_render(string name)
    {
        var statement = StatementSamples.Statement(name, "en",
            StatementSamples.Vendor("odd", name, new TermSync.Customers.StatementLine(name, "USD", 10m, 10m, new(2025, 3, 1), new(2025, 3, 31), 0, Disputed: false)));

        using var document = PdfDocument.Open(StatementPdf.Render(statement));

        var page = Assert.Single(document.GetPages());
        Assert.Contains("Total in USD: 10.00 USD owed", string.Join(" ", page.GetWords().Select(word => word.Text)), StringComparison.Ordinal);
        var cellLetters = page.Letters.Where(letter => Math.Abs(letter.PointSize - CellPointSize) < 0.01 && letter.FontName?.Contains("Bold", StringComparison.Ordinal) == false).ToList();
        Assert.NotEmpty(cellLetters);
        Assert.DoesNotContain(cellLetters, letter => letter.BoundingBox.Left < IssuedColumnLeft && letter.BoundingBox.Right > InvoiceColumnRight + 0.5);
    }

    [Fact]
    public void Missing_glyphs_become_replacement_characters()
    {
        var statement = StatementSamples.Statement("株式会社 Tōkyō", "en",
            StatementSamples.Vendor("odd", "Lone \uD800 surrogate", new TermSync.Customers.StatementLine("INV-1", "USD", 10m, 10m, new(2025, 3, 1), new(2025, 3, 31), 0, Disputed: false)));

        var text = Assert.Single(PageTexts(StatementPdf.Render(statement)));

        Assert.Contains("\uFFFD\uFFFD\uFFFD\uFFFD Tōkyō", text, StringComparison.Ordinal);
        Assert.Contains("Lone \uFFFD surrogate", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_names_wrap_inside_page()
    {
        var vendorName = string.Concat(Enumerable.Repeat("Very Long Vendor Name ", 9)).Trim();
        var invoiceNumber = new string('9', 100);
        var statement = StatementSamples.Statement(vendorName, "en",
            StatementSamples.Vendor("long", vendorName, new TermSync.Customers.StatementLine(invoiceNumber, "USD", 10m, 10m, new(2025, 3, 1), new(2025, 3, 31), 0, Disputed: false)));

        using var document = PdfDocument.Open(StatementPdf.Render(statement));

        var page = Assert.Single(document.GetPages());
        Assert.All(page.Letters, letter =>
        {
            Assert.InRange(letter.BoundingBox.Left, 0, page.Width);
            Assert.InRange(letter.BoundingBox.Right, 0, page.Width);
        });
        Assert.Equal(100, page.Letters.Count(letter => letter.Value == "9"));
    }

    [Fact]
    public async Task Parallel_renders_all_succeed()
    {
        var renders = Enumerable.Range(0, 8)
            .Select(index => Task.Run(() => StatementPdf.Render(index % 2 == 0 ? StatementSamples.Small() : StatementSamples.Long(60)), TestContext.Current.CancellationToken));

        var results = await Task.WhenAll(renders);

        for (var index = 0; index < results.Length; index++)
        {
            var text = string.Join(" ", PageTexts(results[index]));
            Assert.Contains(index % 2 == 0 ? "Acme Supplies" : "LONG-0060", text, StringComparison.Ordinal);
        }
    }

    /// <summary>Returns the words of each page, in drawing order, joined by single spaces.</summary>
    private static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(page => string.Join(" ", page.GetWords().Select(word => word.Text)))];
    }
}
