namespace TermSync.Ingest.Ubl;

/// <summary>The seller (cac:AccountingSupplierParty) or buyer (cac:AccountingCustomerParty) of a document.</summary>
/// <param name="Name">
/// Legal name: cac:PartyLegalEntity/cbc:RegistrationName, or cac:PartyName/cbc:Name when the document gives
/// no registration name.
/// </param>
/// <param name="TradingName">Name the party trades under: cac:PartyName/cbc:Name; null when absent.</param>
/// <param name="Endpoint">Electronic address where the party receives documents: cbc:EndpointID; null when absent.</param>
/// <param name="PartyId">
/// First cac:PartyIdentification/cbc:ID, which for a buyer (EN 16931 BT-46) is often the seller's account number for it;
/// null when absent.
/// </param>
/// <param name="TaxId">
/// VAT identifier: cac:PartyTaxScheme/cbc:CompanyID whose tax scheme is VAT, else the first one; null when absent.
/// </param>
/// <param name="LegalId">Legal registration identifier: cac:PartyLegalEntity/cbc:CompanyID; null when absent.</param>
/// <param name="ContactEmail">cac:Contact/cbc:ElectronicMail; null when absent.</param>
public sealed record UblParty(
    string Name,
    string? TradingName,
    UblIdentifier? Endpoint,
    UblIdentifier? PartyId,
    string? TaxId,
    UblIdentifier? LegalId,
    string? ContactEmail);
