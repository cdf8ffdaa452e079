namespace TermSync.Grains.Digests.Links;

/// <summary>
/// The values a signed digest link carries. A token shows them to its holder, because it is signed and not
/// encrypted. So it names only the customer the digest went to and, for pay and ask links, one of its invoices.
/// </summary>
/// <param name="VendorId">The invoice's vendor for <see cref="DigestLinkPurpose.Pay"/> and <see cref="DigestLinkPurpose.Ask"/>, else null.</param>
/// <param name="InvoiceNumber">The invoice's number for <see cref="DigestLinkPurpose.Pay"/> and <see cref="DigestLinkPurpose.Ask"/>, else null.</param>
/// <param name="ExpiresAt">The instant the link stops working, in whole seconds.</param>
public sealed record DigestLinkClaims(
    DigestLinkPurpose Purpose,
    string CustomerId,
    string? VendorId,
    string? InvoiceNumber,
    DateTimeOffset ExpiresAt)
{
    /// <summary>
    /// Whether the purpose names one of a vendor's documents, so the vendor id and invoice number are required. A
    /// conversation link carries the conversation id in <see cref="InvoiceNumber"/>.
    /// </summary>
    public bool NamesInvoice => NamesInvoiceFor(Purpose);

    /// <summary>Whether links of <paramref name="purpose"/> carry a vendor id and an invoice number (or conversation id).</summary>
    public static bool NamesInvoiceFor(DigestLinkPurpose purpose) =>
        purpose is DigestLinkPurpose.Pay or DigestLinkPurpose.Ask or DigestLinkPurpose.Conversation;
}
