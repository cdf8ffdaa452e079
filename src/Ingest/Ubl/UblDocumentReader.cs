using System.Xml;
using System.Xml.Linq;

namespace TermSync.Ingest.Ubl;

/// <summary>
/// Reads UBL 2.1 Invoice and CreditNote documents, the syntax of Peppol BIS Billing 3.0 and EN 16931, into
/// the fields TermSync keeps. It checks only those fields and never rounds an amount. A document with a
/// DOCTYPE is rejected, so no entity is expanded and no external resource is loaded.
/// </summary>
public static class UblDocumentReader
{
    private const string InvoiceReferencePath = "cac:BillingReference/cac:InvoiceDocumentReference";
    private const string InvoiceTypeCodePath = "cbc:InvoiceTypeCode";

    // UNTDID 1001 credit note codes: the Peppol BIS Billing 3.0 credit note list (81, 83, 381, 396, 532)
    // and its self-billed credit note list (261).
    private static readonly HashSet<string> CreditNoteTypeCodes = ["81", "83", "261", "381", "396", "532"];

    /// <summary>
    /// Reads one document from <paramref name="xml"/>, which stays open. Returns the document, or every reason
    /// it was rejected: not well-formed XML, a DTD, a document element other than a UBL 2.1 Invoice or
    /// CreditNote, or a missing or invalid required field. The whole document is loaded into memory, so the
    /// caller limits its size.
    /// </summary>
    public static UblReadResult Read(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);

        if (Load(xml, out var loadError) is not { } root)
        {
            return UblReadResult.Failure([loadError!]);
        }

        if (KindOf(root) is not { } kind)
        {
            return UblReadResult.Failure([new IngestError("/", root.Name.ToString(),
                $"The document element is {root.Name}, not a UBL 2.1 Invoice or CreditNote; send the invoice as UBL 2.1 (Peppol BIS Billing 3.0).")]);
        }

        var fields = new UblFieldReader(root);
        RejectCreditNoteTypeCode(fields, kind);
        var id = fields.Number(root, "cbc:ID", "cbc:ID", "document number");
        var issueDate = fields.RequiredDate("cbc:IssueDate", "issue date");
        var due = UblDueDateReader.Read(fields, kind, issueDate);
        var currency = fields.Currency("cbc:DocumentCurrencyCode");
        var payableAmount = fields.Amount("cac:LegalMonetaryTotal/cbc:PayableAmount", "payable amount", currency);
        var seller = UblPartyReader.Read(fields, "cac:AccountingSupplierParty/cac:Party", "seller");
        var buyer = UblPartyReader.Read(fields, "cac:AccountingCustomerParty/cac:Party", "buyer");
        var invoiceReference = ReadInvoiceReference(fields, kind);

        if (fields.Errors.Count > 0)
        {
            return UblReadResult.Failure(fields.Errors);
        }

        return UblReadResult.Success(new UblDocument(
            Kind: kind,
            Id: id!,
            IssueDate: issueDate!.Value,
            DueDate: due.DueDate,
            PaymentTermsNote: due.TermsNote,
            PaymentTerms: due.Terms,
            Currency: currency!,
            PayableAmount: payableAmount!.Value,
            Seller: seller!,
            Buyer: buyer!,
            BuyerReference: UblFieldReader.Text(root, "cbc:BuyerReference"),
            InvoiceReference: invoiceReference));
    }

    private static XElement? Load(Stream xml, out IngestError? error)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };

        try
        {
            using var reader = XmlReader.Create(xml, settings);
            error = null;
            return XDocument.Load(reader).Root;
        }
        // XmlReader reports a prohibited DTD only through the message text of its XmlException.
        catch (XmlException exception) when (exception.Message.Contains("DTD", StringComparison.Ordinal))
        {
            error = new IngestError("/", null,
                "The document contains a DOCTYPE declaration, which TermSync rejects because DTDs can expand entities or load external files; remove the DOCTYPE, because UBL documents need none.");
            return null;
        }
        catch (XmlException exception)
        {
            error = new IngestError("/", null,
                $"The document is not well-formed XML ({exception.Message}); send the UBL file exactly as your system exported it, encoded as UTF-8.");
            return null;
        }
    }

    private static UblDocumentKind? KindOf(XElement root)
    {
        if (root.Name == UblPath.Invoice + "Invoice")
        {
            return UblDocumentKind.Invoice;
        }

        return root.Name == UblPath.CreditNote + "CreditNote" ? UblDocumentKind.CreditNote : null;
    }

    /// <summary>
    /// Rejects an Invoice document whose type code marks it as a credit note, because reading it as an invoice
    /// would add a debt instead of reducing one.
    /// </summary>
    private static void RejectCreditNoteTypeCode(UblFieldReader fields, UblDocumentKind kind)
    {
        var typeCode = UblFieldReader.Text(fields.Root, InvoiceTypeCodePath);
        if (kind == UblDocumentKind.Invoice && typeCode is not null && CreditNoteTypeCodes.Contains(typeCode))
        {
            fields.Reject(InvoiceTypeCodePath, typeCode,
                $"The Invoice has type code {typeCode}, which is a credit note; send it as a UBL CreditNote document that names the invoice it corrects in {InvoiceReferencePath}/cbc:ID.");
        }
    }

    private static UblInvoiceReference? ReadInvoiceReference(UblFieldReader fields, UblDocumentKind kind)
    {
        var references = UblPath.Elements(fields.Root, InvoiceReferencePath).ToList();
        var idPath = UblPath.Combine(InvoiceReferencePath, "cbc:ID");
        if (kind == UblDocumentKind.CreditNote && references.Count == 0)
        {
            fields.Reject(idPath, null,
                $"The credit note does not name the invoice it corrects; add {idPath} with that invoice's number, because TermSync applies each credit note to one invoice.");
            return null;
        }

        if (kind == UblDocumentKind.CreditNote && references.Count > 1)
        {
            var numbers = string.Join(", ", references.Select(reference => UblFieldReader.Text(reference, "cbc:ID")));
            fields.Reject(InvoiceReferencePath, numbers,
                $"The credit note refers to {references.Count} invoices ({numbers}); TermSync applies each credit note to one invoice, so send one credit note per invoice.");
            return null;
        }

        if (references.Count == 0)
        {
            return null;
        }

        var reference = references[0];
        var id = fields.Number(reference, "cbc:ID", idPath, "referenced invoice number");
        var issueDate = fields.Date(UblPath.Element(reference, "cbc:IssueDate"), UblPath.Combine(InvoiceReferencePath, "cbc:IssueDate"), "referenced invoice's issue date");
        return id is null ? null : new UblInvoiceReference(id, issueDate);
    }
}
