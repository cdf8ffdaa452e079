using TermSync.Api.Features.Invoices;
using TermSync.Ingest.Ubl;

namespace TermSync.Api.Features.Ingest.Ubl;

/// <summary>
/// A UBL invoice as input of <see cref="InvoiceBatchIssuer"/>, with the UBL element that each input field came from,
/// so that the issuer's errors name the element the vendor has to change.
/// </summary>
public sealed class UblInvoiceMapping
{
    /// <summary>Path of the buyer party below the document element.</summary>
    public const string BuyerPath = "cac:AccountingCustomerParty/cac:Party";

    /// <summary>Path of the buyer identifier that vendors fill in with their account number of the buyer (EN 16931 BT-46).</summary>
    public const string BuyerPartyIdPath = BuyerPath + "/cac:PartyIdentification/cbc:ID";

    private const string BuyerEndpointPath = BuyerPath + "/cbc:EndpointID";
    private const string BuyerLegalIdPath = BuyerPath + "/cac:PartyLegalEntity/cbc:CompanyID";
    private const string BuyerTaxIdPath = BuyerPath + "/cac:PartyTaxScheme/cbc:CompanyID";
    private const string BuyerEmailPath = BuyerPath + "/cac:Contact/cbc:ElectronicMail";
    private const string BuyerNamePath = BuyerPath + "/cac:PartyLegalEntity/cbc:RegistrationName";

    // The "EM" scheme of older Peppol files marks an endpoint that is an email address.
    private const string EmailScheme = "EM";

    private readonly string accountPath;
    private readonly string? emailPath;

    private UblInvoiceMapping(InvoiceInput input, string accountPath, string? emailPath)
    {
        Input = input;
        this.accountPath = accountPath;
        this.emailPath = emailPath;
    }

    public InvoiceInput Input { get; }

    /// <summary>
    /// Maps an invoice. The customer account is the buyer's first identifier in the order party identification,
    /// endpoint, legal registration id, VAT id, contact email. The email is the buyer's contact email, else an endpoint
    /// with scheme "EM". Returns null when the buyer has none of these identifiers.
    /// </summary>
    public static UblInvoiceMapping? FromDocument(UblDocument document)
    {
        var buyer = document.Buyer;
        var (account, accountPath) = FindAccount(buyer);
        if (account is null)
        {
            return null;
        }

        var (email, emailPath) = FindEmail(buyer);
        var input = new InvoiceInput
        {
            InvoiceNumber = document.Id,
            Customer = new CustomerInput { AccountNumber = account, Name = buyer.Name, Email = email, TaxId = buyer.TaxId },
            Currency = document.Currency,
            Amount = document.PayableAmount,
            IssueDate = document.IssueDate,
            DueDate = document.DueDate,
            Terms = document.PaymentTerms is { } terms
                ? new TermsInput { NetDays = terms.NetDays, EndOfMonth = terms.EndOfMonth, DiscountPercent = terms.DiscountPercent, DiscountDays = terms.DiscountDays }
                : null,
        };
        return new UblInvoiceMapping(input, accountPath!, emailPath);
    }

    /// <summary>Returns the UBL element path of an <see cref="InvoiceInputError.Field"/>; "/" for the document as a whole.</summary>
    public string PathOf(string field) => field switch
    {
        "invoiceNumber" => "cbc:ID",
        "customer.accountNumber" => accountPath,
        "customer.name" => BuyerNamePath,
        "customer.email" => emailPath ?? BuyerEmailPath,
        "customer.taxId" => BuyerTaxIdPath,
        "currency" => "cbc:DocumentCurrencyCode",
        "amount" => "cac:LegalMonetaryTotal/cbc:PayableAmount",
        "issueDate" => "cbc:IssueDate",
        "dueDate" => "cbc:DueDate",
        _ when field.StartsWith("terms", StringComparison.Ordinal) => "cac:PaymentTerms/cbc:Note",
        _ => "/",
    };

    private static (string? Account, string? Path) FindAccount(UblParty buyer)
    {
        if (buyer.PartyId is { } partyId)
        {
            return (partyId.Value, BuyerPartyIdPath);
        }

        if (buyer.Endpoint is { } endpoint)
        {
            return (endpoint.Value, BuyerEndpointPath);
        }

        if (buyer.LegalId is { } legalId)
        {
            return (legalId.Value, BuyerLegalIdPath);
        }

        if (buyer.TaxId is { } taxId)
        {
            return (taxId, BuyerTaxIdPath);
        }

        return buyer.ContactEmail is { } email ? (email, BuyerEmailPath) : (null, null);
    }

    private static (string? Email, string? Path) FindEmail(UblParty buyer)
    {
        if (buyer.ContactEmail is { } email)
        {
            return (email, BuyerEmailPath);
        }

        return buyer.Endpoint is { } endpoint && string.Equals(endpoint.SchemeId, EmailScheme, StringComparison.OrdinalIgnoreCase)
            ? (endpoint.Value, BuyerEndpointPath)
            : (null, null);
    }
}
