using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TermSync.Digests;
using TermSync.Grains.Digests;
using TermSync.Grains.Digests.Links;

namespace TermSync.Grains.Tests.Digests;

public sealed partial class DigestRendererTests
{
    private static readonly DateOnly AsOf = new(2013, 3, 1);

    private readonly DigestLinkSigner signer = new(
        Options.Create(new DigestOptions { LinkSigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), PublicBaseUrl = "https://termsync.test" }),
        new FakeTimeProvider(new DateTimeOffset(2013, 3, 1, 8, 0, 0, TimeSpan.Zero)));

    private DigestRenderer Renderer => new(signer);

    [Fact]
    public void Html_escapes_vendor_markup_and_script()
    {
        var vendorName = "North <b>&</b> Sons<script>alert('x')</script>";
        var invoiceNumber = "<img src=x onerror=alert(1)>";
        var content = Content(
            "en",
            "Buyer <i>Ltd</i>",
            owed: [Section("north", vendorName, Line("north", invoiceNumber, "USD", 100m, "2013-02-01"))]);

        var message = Renderer.Render(content);

        Assert.DoesNotContain("<script", message.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", message.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", message.Html);
        Assert.DoesNotContain("<i>", message.Html);
        Assert.Contains("North &lt;b&gt;&amp;&lt;/b&gt; Sons&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", message.Html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", message.Html);
        Assert.Contains("Hello Buyer &lt;i&gt;Ltd&lt;/i&gt;,", message.Html);
        Assert.Contains(vendorName, message.Text);
        Assert.Contains($"Invoice {invoiceNumber},", message.Text);
    }

    [Fact]
    public void Html_keeps_non_latin_names_readable()
    {
        var content = Content("de", "Müller GmbH", owed: [Section("north", "Nørd Økonomi 東京", Line("north", "Ä-1", "EUR", 5m, "2013-03-10"))]);

        var message = Renderer.Render(content);

        Assert.Contains("Nørd Økonomi 東京", message.Html);
        Assert.Contains("Hello Müller GmbH,", message.Html);
    }

    [Fact]
    public void Rows_show_amount_dates_status_and_links()
    {
        var content = Content(
            "en",
            "Buyer",
            owed:
            [
                Section("north", "North", Line("north", "N-1", "USD", 1234.5m, "2013-02-01"), Line("north", "N-2", "USD", 5m, "2013-03-01")),
                Section("south", "South", Line("south", "S-1", "USD", 7.25m, "2013-03-15")),
            ]);

        var message = Renderer.Render(content);

        Assert.Contains("Invoice N-1, issued Wednesday, January 2, 2013, due Friday, February 1, 2013: 1,234.50 USD open, Past due 28 days", message.Text);
        Assert.Contains("Invoice N-2, issued Wednesday, January 2, 2013, due Friday, March 1, 2013: 5.00 USD open, Due today", message.Text);
        Assert.Contains("Invoice S-1, issued Wednesday, January 2, 2013, due Friday, March 15, 2013: 7.25 USD open, Due in 14 days", message.Text);
        Assert.Contains("Total owed to North: 1,239.50 USD", message.Text);
        Assert.Contains("Total owed to South: 7.25 USD", message.Text);
        Assert.Contains("USD: owed 1,246.75 USD, of which past due 1,234.50 USD; under review 0.00 USD", message.Text);

        var payLinks = LinksIn(message.Text, "pay");
        var askLinks = LinksIn(message.Text, "ask");
        Assert.Equal(3, payLinks.Count);
        Assert.Equal(3, askLinks.Count);
        var firstPay = signer.Verify(payLinks[0], DigestLinkPurpose.Pay).Claims!;
        Assert.Equal(("cus-1", "north", "N-1"), (firstPay.CustomerId, firstPay.VendorId, firstPay.InvoiceNumber));
        Assert.Equal("S-1", signer.Verify(askLinks[2], DigestLinkPurpose.Ask).Claims!.InvoiceNumber);
        Assert.Equal(3, LinksIn(message.Html, "pay").Count);
    }

    [Fact]
    public void Statement_and_unsubscribe_links_name_only_the_customer()
    {
        var content = Content("en", "Buyer", owed: [Section("north", "North", Line("north", "N-1", "USD", 10m, "2013-02-01"))]);

        var message = Renderer.Render(content);

        var statement = signer.Verify(Assert.Single(LinksIn(message.Text, "statement")), DigestLinkPurpose.Statement);
        var unsubscribe = signer.Verify(message.UnsubscribeUrl.Split("?token=")[1], DigestLinkPurpose.Unsubscribe);
        Assert.Equal(new DigestLinkClaims(DigestLinkPurpose.Statement, "cus-1", null, null, new DateTimeOffset(2013, 3, 31, 8, 0, 0, TimeSpan.Zero)), statement.Claims);
        Assert.Equal("cus-1", unsubscribe.Claims!.CustomerId);
        Assert.StartsWith("https://termsync.test/links/unsubscribe?token=", message.UnsubscribeUrl);
        Assert.Contains(message.UnsubscribeUrl, message.Text);
        Assert.Single(LinksIn(message.Html, "unsubscribe"));
    }

    [Fact]
    public void Under_review_stays_out_of_owed()
    {
        var content = Content(
            "en",
            "Buyer",
            owed: [Section("north", "North", Line("north", "OWED-1", "USD", 10m, "2013-02-01"))],
            underReview: [Section("north", "North", Line("north", "HELD-1", "USD", 99m, "2013-02-01", underReview: true))]);

        var message = Renderer.Render(content);

        var split = message.Text.IndexOf("Under review", StringComparison.Ordinal);
        Assert.True(split > 0, "The text has no under-review section.");
        Assert.Contains("OWED-1", message.Text[..split]);
        Assert.DoesNotContain("HELD-1", message.Text[..split]);
        Assert.Contains("HELD-1", message.Text[split..]);
        Assert.Contains("USD: owed 10.00 USD, of which past due 10.00 USD; under review 99.00 USD", message.Text);
        Assert.Equal("Your open invoices from 1 vendor: 10.00 USD owed", message.Subject);
        Assert.Single(LinksIn(message.Text, "pay"));
        Assert.Equal(2, LinksIn(message.Text, "ask").Count);
        Assert.Contains("<h2>Under review</h2>", message.Html);
    }

    [Fact]
    public void German_digest_formats_amounts_and_dates()
    {
        var content = Content("de-DE", "Käufer GmbH", owed: [Section("north", "Nord", Line("north", "N-1", "EUR", 1234.56m, "2013-02-01"))]);

        var message = Renderer.Render(content);

        Assert.Contains("1.234,56 EUR", message.Text);
        Assert.Contains("1.234,56 EUR", message.Html);
        Assert.Contains("Freitag, 1. Februar 2013", message.Text);
        Assert.Contains("<html lang=\"de-DE\">", message.Html);
        Assert.Equal("Your open invoices from 1 vendor: 1.234,56 EUR owed", message.Subject);
    }

    [Fact]
    public void Subject_lists_two_currencies_and_counts_more()
    {
        var two = Content(
            "en",
            null,
            owed:
            [
                Section("north", "North", Line("north", "N-1", "USD", 1234.5m, "2013-02-01")),
                Section("east", "East", Line("east", "E-1", "JPY", 1200m, "2013-02-01")),
                Section("south", "South", Line("south", "S-1", "USD", 1m, "2013-02-01")),
            ]);
        var three = Content(
            "en",
            null,
            owed:
            [
                Section("north", "North", Line("north", "N-1", "USD", 1m, "2013-02-01"), Line("north", "N-2", "EUR", 1m, "2013-02-01")),
                Section("east", "East", Line("east", "E-1", "JPY", 1m, "2013-02-01")),
            ]);

        Assert.Equal("Your open invoices from 3 vendors: 1,200 JPY and 1,235.50 USD owed", Renderer.Render(two).Subject);
        Assert.Equal("Your open invoices from 2 vendors: owed in 3 currencies", Renderer.Render(three).Subject);
        Assert.Contains("Hello,", Renderer.Render(two).Text);
    }

    [Fact]
    public void Message_keeps_ids_and_recipient()
    {
        var content = Content("en", "Buyer", owed: [Section("north", "North", Line("north", "N-1", "USD", 10m, "2013-02-01"))]);

        var message = Renderer.Render(content);

        Assert.Equal(("cus-1:2013-02-25", "cus-1", "2013-02-25", "ap@buyer.example"), (message.DigestId, message.CustomerId, message.Key, message.To));
    }

    private static List<string> LinksIn(string body, string purpose) =>
        [.. LinkPattern().Matches(body).Where(match => match.Groups["purpose"].Value == purpose).Select(match => match.Groups["token"].Value)];

    [Fact]
    public void Survey_shows_question_and_five_links()
    {
        var surveyId = Guid.NewGuid().ToString("N");
        var content = Content("en", "Buyer", owed: [Section("north", "North", Line("north", "A-1", "USD", 10m, "2013-02-01"))]) with
        {
            Survey = new DigestSurvey(surveyId, "south", "South <b>&</b> Co"),
        };

        var message = Renderer.Render(content);
        var plain = Renderer.Render(content with { Survey = null });

        Assert.Contains("How satisfied are you with South &lt;b&gt;&amp;&lt;/b&gt; Co?", message.Html);
        Assert.DoesNotContain("<b>", message.Html);
        Assert.Contains("How satisfied are you with South <b>&</b> Co?", message.Text);
        var tokens = SurveyLink().Matches(message.Text).Select(match => match.Groups[1].Value).ToList();
        Assert.Equal(5, tokens.Count);
        Assert.Equal(5, SurveyLink().Matches(message.Html).Count);
        var claims = tokens.Select(token => signer.Verify(token, DigestLinkPurpose.Survey).Claims).ToList();
        Assert.Equal([1, 2, 3, 4, 5], claims.Select(claim => claim?.Score));
        Assert.All(claims, claim => Assert.Equal((surveyId, "cus-1"), (claim!.SurveyId, claim.CustomerId)));
        Assert.Contains("  5 Very satisfied: https://termsync.test/links/survey?token=", message.Text);
        Assert.DoesNotContain("How satisfied", plain.Text);
        Assert.DoesNotContain("/links/survey", plain.Html);
    }

    [GeneratedRegex(@"/links/survey\?token=([A-Za-z0-9_.-]+)")]
    private static partial Regex SurveyLink();

    private static DigestContent Content(string language, string? customerName, IReadOnlyList<DigestVendorSection> owed, IReadOnlyList<DigestVendorSection>? underReview = null)
    {
        underReview ??= [];
        var lines = owed.Concat(underReview).SelectMany(section => section.Lines).ToList();
        var totals = lines
            .GroupBy(line => line.Currency, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new DigestCurrencyTotal(
                group.Key,
                group.Where(line => !line.UnderReview).Sum(line => line.OpenAmount),
                group.Where(line => !line.UnderReview && line.DaysPastDue > 0).Sum(line => line.OpenAmount),
                group.Where(line => line.UnderReview).Sum(line => line.OpenAmount)))
            .ToList();
        return new DigestContent(
            "cus-1:2013-02-25", "2013-02-25", "cus-1", customerName, "ap@buyer.example", language, "UTC", AsOf, DigestReason.Schedule, owed, underReview, totals);
    }

    private static DigestVendorSection Section(string vendorId, string vendorName, params DigestLine[] lines) =>
        new(vendorId, vendorName, lines, [.. lines.GroupBy(line => line.Currency).Select(group => new DigestAmount(group.Key, group.Sum(line => line.OpenAmount)))]);

    private static DigestLine Line(string vendorId, string invoiceNumber, string currency, decimal openAmount, string dueDate, bool underReview = false)
    {
        var due = DateOnly.Parse(dueDate, System.Globalization.CultureInfo.InvariantCulture);
        return new DigestLine(vendorId, invoiceNumber, currency, openAmount, new DateOnly(2013, 1, 2), due, Math.Max(0, AsOf.DayNumber - due.DayNumber), underReview);
    }

    [GeneratedRegex(@"https://termsync\.test/links/(?<purpose>pay|ask|statement|unsubscribe)\?token=(?<token>[A-Za-z0-9_.-]+)")]
    private static partial Regex LinkPattern();
}
