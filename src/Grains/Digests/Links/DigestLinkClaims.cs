namespace TermSync.Grains.Digests.Links;

/// <summary>
/// The values a signed digest link carries. A token shows them to its holder, because it is signed and not
/// encrypted. So it names only the customer the digest went to and, for pay and ask links, one of its invoices,
/// and for survey links the survey and the score chosen.
/// </summary>
/// <param name="VendorId">The invoice's vendor for <see cref="DigestLinkPurpose.Pay"/> and <see cref="DigestLinkPurpose.Ask"/>, else null.</param>
/// <param name="InvoiceNumber">The invoice's number for <see cref="DigestLinkPurpose.Pay"/> and <see cref="DigestLinkPurpose.Ask"/>, else null.</param>
/// <param name="ExpiresAt">The instant the link stops working, in whole seconds.</param>
/// <param name="SurveyId">The survey for <see cref="DigestLinkPurpose.Survey"/>, else null.</param>
/// <param name="Score">The score the link chooses, 1 to 5, for <see cref="DigestLinkPurpose.Survey"/>, else null.</param>
public sealed record DigestLinkClaims(
    DigestLinkPurpose Purpose,
    string CustomerId,
    string? VendorId,
    string? InvoiceNumber,
    DateTimeOffset ExpiresAt,
    string? SurveyId = null,
    int? Score = null)
{
    /// <summary>
    /// Whether the purpose names one of a vendor's documents, so the vendor id and invoice number are required. A
    /// conversation link carries the conversation id in <see cref="InvoiceNumber"/>.
    /// </summary>
    public bool NamesInvoice => NamesInvoiceFor(Purpose);

    /// <summary>Whether links of <paramref name="purpose"/> carry a vendor id and an invoice number (or conversation id).</summary>
    public static bool NamesInvoiceFor(DigestLinkPurpose purpose) =>
        purpose is DigestLinkPurpose.Pay or DigestLinkPurpose.Ask or DigestLinkPurpose.Conversation;

    /// <summary>Whether the purpose names a survey, so the survey id and score are required.</summary>
    public bool NamesSurvey => Purpose is DigestLinkPurpose.Survey;
}
