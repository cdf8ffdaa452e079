using System.Text;

namespace TermSync.Ingest.Tests.Ubl;

/// <summary>Builds small UBL 2.1 documents whose fields each test replaces.</summary>
internal sealed record UblSample
{
    public string Root { get; init; } = "Invoice";
    public string Id { get; init; } = "INV-1";
    public string IssueDate { get; init; } = "2025-03-01";
    public string? DueDate { get; init; } = "2025-03-31";
    public string? PaymentDueDate { get; init; }
    public string? TermsNote { get; init; }
    public string Currency { get; init; } = "EUR";
    public string PayableAmount { get; init; } = "1250.50";
    public string? PayableCurrency { get; init; } = "EUR";
    public string? BuyerName { get; init; } = "Buyer Ltd";
    public string? InvoiceReference { get; init; }
    public string Prolog { get; init; } = "";
    public string? InvoiceTypeCode { get; init; }

    public Stream ToStream() => new MemoryStream(Encoding.UTF8.GetBytes(ToXml()));

    public string ToXml()
    {
        var xml = new StringBuilder();
        xml.Append($"""<?xml version="1.0" encoding="UTF-8"?>{Prolog}""");
        xml.Append($"""<{Root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:{Root}-2" """);
        xml.Append("""xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" """);
        xml.Append("""xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">""");
        xml.Append($"<cbc:ID>{Id}</cbc:ID><cbc:IssueDate>{IssueDate}</cbc:IssueDate>");
        Optional(xml, "cbc:DueDate", DueDate);
        Optional(xml, "cbc:InvoiceTypeCode", InvoiceTypeCode);
        xml.Append($"<cbc:DocumentCurrencyCode>{Currency}</cbc:DocumentCurrencyCode>");
        if (InvoiceReference is not null)
        {
            xml.Append($"<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>{InvoiceReference}</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>");
        }

        xml.Append("<cac:AccountingSupplierParty><cac:Party><cbc:EndpointID schemeID=\"0088\">7300010000001</cbc:EndpointID>");
        xml.Append("<cac:PartyLegalEntity><cbc:RegistrationName>Seller AB</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>");
        xml.Append("<cac:AccountingCustomerParty><cac:Party>");
        if (BuyerName is not null)
        {
            xml.Append($"<cac:PartyLegalEntity><cbc:RegistrationName>{BuyerName}</cbc:RegistrationName></cac:PartyLegalEntity>");
        }

        xml.Append("<cac:Contact><cbc:ElectronicMail>ap@buyer.example</cbc:ElectronicMail></cac:Contact></cac:Party></cac:AccountingCustomerParty>");
        if (PaymentDueDate is not null)
        {
            xml.Append($"<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentDueDate>{PaymentDueDate}</cbc:PaymentDueDate></cac:PaymentMeans>");
        }

        if (TermsNote is not null)
        {
            xml.Append($"<cac:PaymentTerms><cbc:Note>{TermsNote}</cbc:Note></cac:PaymentTerms>");
        }

        var currencyAttribute = PayableCurrency is null ? "" : $" currencyID=\"{PayableCurrency}\"";
        xml.Append($"<cac:LegalMonetaryTotal><cbc:PayableAmount{currencyAttribute}>{PayableAmount}</cbc:PayableAmount></cac:LegalMonetaryTotal>");
        xml.Append($"</{Root}>");
        return xml.ToString();
    }

    private static void Optional(StringBuilder xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.Append($"<{name}>{value}</{name}>");
        }
    }
}
