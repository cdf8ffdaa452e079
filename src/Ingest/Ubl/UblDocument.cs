using TermSync.Invoices;

namespace TermSync.Ingest.Ubl;

/// <summary>The fields of a UBL 2.1 Invoice or CreditNote that TermSync keeps, read exactly as written.</summary>
/// <param name="Id">Document number, cbc:ID; may contain spaces and slashes, such as "018304 / 28865".</param>
/// <param name="IssueDate">cbc:IssueDate.</param>
/// <param name="DueDate">
/// cbc:DueDate, else the first cac:PaymentMeans/cbc:PaymentDueDate, else the date computed from
/// <paramref name="PaymentTerms"/>. Never null for an invoice; null for a credit note that states none.
/// </param>
/// <param name="PaymentTermsNote">cac:PaymentTerms/cbc:Note text with white space runs collapsed to one space; null when absent.</param>
/// <param name="PaymentTerms">The terms read from <paramref name="PaymentTermsNote"/>, or null when the note is absent or in no supported form.</param>
/// <param name="Currency">cbc:DocumentCurrencyCode, an ISO 4217 code that TermSync supports.</param>
/// <param name="PayableAmount">
/// cac:LegalMonetaryTotal/cbc:PayableAmount in <paramref name="Currency"/>, exactly as written, with no more
/// decimals than the currency allows. It is negative for a negative corrective invoice and zero for a fully
/// prepaid one; the caller decides whether it accepts those.
/// </param>
/// <param name="Seller">cac:AccountingSupplierParty/cac:Party.</param>
/// <param name="Buyer">cac:AccountingCustomerParty/cac:Party.</param>
/// <param name="BuyerReference">cbc:BuyerReference, the reference the buyer asked the seller to quote; null when absent.</param>
/// <param name="InvoiceReference">
/// The first cac:BillingReference/cac:InvoiceDocumentReference: for a credit note the invoice it corrects
/// (always present), for an invoice a preceding invoice it relates to (null when absent).
/// </param>
public sealed record UblDocument(
    UblDocumentKind Kind,
    string Id,
    DateOnly IssueDate,
    DateOnly? DueDate,
    string? PaymentTermsNote,
    PaymentTerms? PaymentTerms,
    string Currency,
    decimal PayableAmount,
    UblParty Seller,
    UblParty Buyer,
    string? BuyerReference,
    UblInvoiceReference? InvoiceReference);
