namespace TermSync.Ingest.Ubl;

/// <summary>A preceding invoice that a document refers to: cac:BillingReference/cac:InvoiceDocumentReference.</summary>
/// <param name="Id">The referenced invoice number, cbc:ID.</param>
/// <param name="IssueDate">The referenced invoice's issue date, cbc:IssueDate; null when absent.</param>
public sealed record UblInvoiceReference(string Id, DateOnly? IssueDate);
