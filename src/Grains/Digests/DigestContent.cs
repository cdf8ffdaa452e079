using TermSync.Digests;

namespace TermSync.Grains.Digests;

/// <summary>
/// Everything one digest shows, with balances from the customer's statement: the owed invoices grouped by
/// vendor, the invoices under review apart from them, and totals per currency that equal the sums of the rows.
/// </summary>
/// <param name="Key">Unique per customer; see <see cref="DigestRecord.Key"/>.</param>
/// <param name="Language">IETF language tag for dates and numbers, for example "en" or "de-CH".</param>
/// <param name="TimeZone">IANA time zone of the customer's schedule.</param>
/// <param name="Survey">The satisfaction survey shown in the digest, or null.</param>
public sealed record DigestContent(
    string DigestId,
    string Key,
    string CustomerId,
    string? CustomerName,
    string? Email,
    string Language,
    string TimeZone,
    DateOnly AsOf,
    DigestReason Reason,
    IReadOnlyList<DigestVendorSection> Owed,
    IReadOnlyList<DigestVendorSection> UnderReview,
    IReadOnlyList<DigestCurrencyTotal> Totals,
    DigestSurvey? Survey = null)
{
    /// <summary>Every line shown, owed first.</summary>
    public IEnumerable<DigestLine> Lines => Owed.Concat(UnderReview).SelectMany(section => section.Lines);
}

/// <summary>One vendor's invoices in a section of the digest, with the section's totals per currency.</summary>
public sealed record DigestVendorSection(
    string VendorId,
    string VendorName,
    IReadOnlyList<DigestLine> Lines,
    IReadOnlyList<DigestAmount> Totals);

/// <summary>An amount in one currency, in major units with the currency's minor-unit digits.</summary>
public sealed record DigestAmount(string Currency, decimal Amount);

/// <summary>The digest's totals in one currency: owed (of which past due) and under review.</summary>
public sealed record DigestCurrencyTotal(string Currency, decimal Owed, decimal PastDue, decimal UnderReview);

/// <summary>A one-question satisfaction survey about one vendor, shown below the invoices.</summary>
public sealed record DigestSurvey(string SurveyId, string VendorId, string VendorName);
