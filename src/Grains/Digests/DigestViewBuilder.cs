using TermSync.Digests;
using TermSync.Grains.Digests.Links;
using TermSync.Grains.Surveys;
using TermSync.Surveys;

namespace TermSync.Grains.Digests;

/// <summary>Turns digest content into the formatted view the templates render, with one signed link per action.</summary>
internal sealed class DigestViewBuilder(DigestLinkSigner signer)
{
    /// <summary>Maximum currencies the subject lists by amount. With more, it gives their count instead.</summary>
    private const int SubjectCurrencyLimit = 2;

    public DigestView Build(DigestContent content)
    {
        var format = DigestFormatter.For(content.Language);
        var expiresAt = signer.NewExpiry();
        string Link(DigestLinkPurpose purpose, string? vendorId = null, string? invoiceNumber = null) =>
            signer.CreateUrl(new DigestLinkClaims(purpose, content.CustomerId, vendorId, invoiceNumber, expiresAt));

        DigestRowView Row(DigestLine line, bool payable) => new(
            line.InvoiceNumber,
            format.FormatDate(line.IssueDate),
            format.FormatDate(line.DueDate),
            format.FormatAmount(line.OpenAmount, line.Currency),
            DigestFormatter.DueStatus(line.DueDate, content.AsOf),
            payable ? Link(DigestLinkPurpose.Pay, line.VendorId, line.InvoiceNumber) : null,
            Link(DigestLinkPurpose.Ask, line.VendorId, line.InvoiceNumber));

        IReadOnlyList<DigestVendorView> Sections(IEnumerable<DigestVendorSection> sections, bool payable) =>
            [.. sections.Select(section => new DigestVendorView(
                section.VendorName,
                [.. section.Lines.Select(line => Row(line, payable))],
                [.. section.Totals.Select(total => format.FormatAmount(total.Amount, total.Currency))]))];

        return new DigestView(
            format.Culture.Name.Length > 0 ? format.Culture.Name : DigestFormatter.FallbackLanguage,
            Subject(content, format),
            content.CustomerName,
            format.FormatDate(content.AsOf),
            Sections(content.Owed, payable: true),
            Sections(content.UnderReview, payable: false),
            [.. content.Totals.Select(total => new DigestTotalView(
                total.Currency,
                format.FormatAmount(total.Owed, total.Currency),
                format.FormatAmount(total.PastDue, total.Currency),
                format.FormatAmount(total.UnderReview, total.Currency)))],
            Link(DigestLinkPurpose.Statement),
            Link(DigestLinkPurpose.Unsubscribe),
            content.Survey is { } survey ? Survey(content.CustomerId, survey, expiresAt) : null);
    }

    /// <summary>Builds the survey's question and one link per score; each link carries the survey id and its score.</summary>
    private DigestSurveyView Survey(string customerId, DigestSurvey survey, DateTimeOffset expiresAt) => new(
        SurveyTexts.Question(survey.VendorName),
        [.. Enumerable.Range(SurveyRules.MinScore, SurveyRules.MaxScore - SurveyRules.MinScore + 1).Select(score => new DigestSurveyChoiceView(
            score,
            SurveyTexts.ScoreLabel(score),
            signer.CreateUrl(new DigestLinkClaims(DigestLinkPurpose.Survey, customerId, null, null, expiresAt, survey.SurveyId, score))))]);

    /// <summary>
    /// Returns the subject, for example "Your open invoices from 3 vendors: 1,234.50 USD owed", with up to two
    /// currencies by amount and "owed in 3 currencies" beyond that.
    /// </summary>
    public static string Subject(DigestContent content, DigestFormatter format)
    {
        var vendors = content.Lines.Select(line => line.VendorId).Distinct(StringComparer.Ordinal).Count();
        var owed = content.Totals.Where(total => total.Owed > 0).ToList();
        var amounts = owed.Count switch
        {
            0 => "nothing owed",
            <= SubjectCurrencyLimit => $"{string.Join(" and ", owed.Select(total => format.FormatAmount(total.Owed, total.Currency)))} owed",
            _ => $"owed in {owed.Count} currencies",
        };

        return $"Your open invoices from {DigestFormatter.Count(vendors, "vendor")}: {amounts}";
    }
}
