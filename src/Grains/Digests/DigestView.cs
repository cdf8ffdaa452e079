namespace TermSync.Grains.Digests;

/// <summary>
/// What the digest templates show, with every amount, date, status and link already formatted as text, so the
/// templates only lay it out. Vendor-supplied values are raw here, and the HTML template's encoder escapes them.
/// </summary>
internal sealed record DigestView(
    string Language,
    string Subject,
    string? CustomerName,
    string AsOf,
    IReadOnlyList<DigestVendorView> Owed,
    IReadOnlyList<DigestVendorView> UnderReview,
    IReadOnlyList<DigestTotalView> Totals,
    string StatementUrl,
    string UnsubscribeUrl,
    DigestSurveyView? Survey);

/// <summary>One vendor's rows in a section, with the section's totals for that vendor, one text per currency.</summary>
internal sealed record DigestVendorView(string Name, IReadOnlyList<DigestRowView> Rows, IReadOnlyList<string> Totals);

/// <summary>One invoice row. <see cref="PayUrl"/> is null in the under-review section, because a disputed invoice is not requested for payment.</summary>
internal sealed record DigestRowView(
    string InvoiceNumber,
    string IssueDate,
    string DueDate,
    string OpenAmount,
    string Status,
    string? PayUrl,
    string AskUrl);

/// <summary>The digest's totals in one currency: owed, the past-due part of it, and under review.</summary>
internal sealed record DigestTotalView(string Currency, string Owed, string PastDue, string UnderReview);

/// <summary>The satisfaction survey of a digest: the question about one vendor and one signed link per score, 1 first.</summary>
internal sealed record DigestSurveyView(string Question, IReadOnlyList<DigestSurveyChoiceView> Choices);

/// <summary>One score of the survey, for example 5 with the label "Very satisfied", and its link.</summary>
internal sealed record DigestSurveyChoiceView(int Score, string Label, string Url);
