using System.Xml.Linq;

namespace TermSync.Ingest.Ubl;

/// <summary>Reads the seller or the buyer of a UBL document.</summary>
internal static class UblPartyReader
{
    private const string RegistrationName = "cac:PartyLegalEntity/cbc:RegistrationName";

    /// <summary>
    /// Reads the cac:Party at <paramref name="path"/>; <paramref name="role"/> ("seller" or "buyer") names it
    /// in messages. Returns null after recording an error when the party or its name is missing.
    /// </summary>
    public static UblParty? Read(UblFieldReader fields, string path, string role)
    {
        var party = UblPath.Element(fields.Root, path);
        if (party is null)
        {
            fields.Reject(path, null, $"The {role} is missing; add {path} with the {role}'s name.");
            return null;
        }

        var tradingName = UblFieldReader.Text(party, "cac:PartyName/cbc:Name");
        var name = UblFieldReader.Text(party, RegistrationName) ?? tradingName;
        if (name is null)
        {
            var namePath = UblPath.Combine(path, RegistrationName);
            fields.Reject(namePath, null, $"The {role} has no name; add {namePath} with the {role}'s legal name.");
            return null;
        }

        return new UblParty(
            Name: name,
            TradingName: tradingName,
            Endpoint: Identifier(UblPath.Element(party, "cbc:EndpointID")),
            PartyId: Identifier(UblPath.Elements(party, "cac:PartyIdentification/cbc:ID").FirstOrDefault(element => UblFieldReader.Text(element) is not null)),
            TaxId: TaxId(party),
            LegalId: Identifier(UblPath.Element(party, "cac:PartyLegalEntity/cbc:CompanyID")),
            ContactEmail: UblFieldReader.Text(party, "cac:Contact/cbc:ElectronicMail"));
    }

    private static UblIdentifier? Identifier(XElement? element)
    {
        var value = UblFieldReader.Text(element);
        if (element is null || value is null)
        {
            return null;
        }

        var scheme = element.Attribute("schemeID")?.Value.Trim();
        return new UblIdentifier(value, string.IsNullOrEmpty(scheme) ? null : scheme);
    }

    private static string? TaxId(XElement party)
    {
        var schemes = UblPath.Elements(party, "cac:PartyTaxScheme").ToList();
        var vat = schemes.FirstOrDefault(scheme => UblFieldReader.Text(scheme, "cac:TaxScheme/cbc:ID") == "VAT") ?? schemes.FirstOrDefault();
        return vat is null ? null : UblFieldReader.Text(vat, "cbc:CompanyID");
    }
}
