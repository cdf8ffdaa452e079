using System.Globalization;
using TermSync.Ingest.Ubl;
using TermSync.Invoices;
using TermSync.Tests;

namespace TermSync.Ingest.Tests.Ubl;

/// <summary>
/// Reads every real UBL example file and compares the fields TermSync keeps with values copied by hand from
/// the files, so a reader that drops a decimal, a day or a party fails here.
/// </summary>
public sealed class UblDatasetTests
{
    private static readonly UblIdentifier PeppolBuyerEndpoint = new("FR23342", "0002");

    private static readonly Dictionary<string, ExpectedDocument> Read = new()
    {
        ["en16931-guide-example1.xml"] = new(UblDocumentKind.Invoice, "12115118", new(2015, 1, 9), new(2015, 1, 9), "EUR", "250.33",
            "De Koksmaat", "ODIN 59", BuyerEmail: null, BuyerEndpoint: null, BuyerPartyId: "10202"),
        ["en16931-ubl-tc434-example1.xml"] = new(UblDocumentKind.Invoice, "12115118", new(2015, 1, 9), new(2015, 1, 9), "EUR", "250.33",
            "De Koksmaat", "ODIN 59", BuyerEmail: null, BuyerEndpoint: null, BuyerPartyId: "10202"),
        ["en16931-guide-example2.xml"] = new(UblDocumentKind.Invoice, "TOSL108", new(2013, 6, 30), new(2013, 7, 20), "NOK", "801.78",
            "Salescompany ltd.", "The Buyercompany", "john@buyercompany.no", null, "3456789012098",
            TermsNote: "2 % discount if paid within 2 days Penalty percentage 10% from due date"),
        ["en16931-ubl-tc434-example2.xml"] = new(UblDocumentKind.Invoice, "TOSL108", new(2013, 6, 30), new(2013, 7, 20), "NOK", "801.78",
            "Salescompany ltd.", "The Buyercompany", "john@buyercompany.no", null, "3456789012098",
            TermsNote: "2 % discount if paid within 2 days Penalty percentage 10% from due date"),
        ["en16931-guide-example3.xml"] = new(UblDocumentKind.Invoice, "TOSL108", new(2013, 4, 10), new(2013, 5, 10), "DKK", "1125.00",
            "SubscriptionSeller", "Buyercompany ltd", null, null, "5790000435975"),
        ["en16931-ubl-tc434-example3.xml"] = new(UblDocumentKind.Invoice, "TOSL108", new(2013, 4, 10), new(2013, 5, 10), "DKK", "2005.00",
            "SubscriptionSeller", "Buyercompany ltd", null, null, "5790000435975"),
        ["en16931-ubl-tc434-example4.xml"] = new(UblDocumentKind.Invoice, "TOSL110", new(2013, 4, 10), new(2013, 5, 10), "DKK", "4675.00",
            "SellerCompany", "Buyercompany ltd", null, null, "5790000436057"),
        ["en16931-ubl-tc434-example5.xml"] = new(UblDocumentKind.Invoice, "TOSL110", new(2013, 4, 10), new(2013, 5, 10), "DKK", "2337.50",
            "SellerCompany", "Buyercompany ltd", "john.hansen@buyercompany.dk", new("info@buyercompany.dk", "EM"), "5790000436057",
            InvoiceReference: new("TOSL109", new(2013, 3, 10)), TermsNote: "50% prepaid, 50% within one month"),
        ["peppol-Allowance-example.xml"] = new(UblDocumentKind.Invoice, "Snippet1", new(2017, 11, 13), new(2017, 12, 1), "EUR", "6125.00",
            "SupplierOfficialName Ltd", "Buyer Official Name", "lj@buyer.se", new("4598375937", "0002"), "4598375937",
            TermsNote: "Payment within 10 days, 2% discount"),
        ["peppol-Vat-category-S.xml"] = new(UblDocumentKind.Invoice, "Snippet1", new(2017, 11, 13), new(2017, 12, 1), "EUR", "8550",
            "SupplierOfficialName Ltd", "Buyer Official Name", null, PeppolBuyerEndpoint, "FR23342",
            TermsNote: "Payment within 10 days, 2% discount"),
        ["peppol-base-example.xml"] = new(UblDocumentKind.Invoice, "Snippet1", new(2017, 11, 13), new(2017, 12, 1), "EUR", "1656.25",
            "SupplierOfficialName Ltd", "Buyer Official Name", "lj@buyer.se", PeppolBuyerEndpoint, "FR23342",
            TermsNote: "Payment within 10 days, 2% discount"),
        ["peppol-sales-order-example.xml"] = new(UblDocumentKind.Invoice, "Snippet1", new(2017, 11, 13), new(2017, 12, 1), "EUR", "1656.25",
            "SupplierOfficialName Ltd", "Buyer Official Name", "lj@buyer.se", PeppolBuyerEndpoint, "FR23342",
            TermsNote: "Payment within 10 days, 2% discount"),
        ["peppol-base-negative-inv-correction.xml"] = new(UblDocumentKind.Invoice, "Correction1", new(2017, 11, 13), new(2017, 12, 1), "EUR", "-1656.25",
            "SupplierOfficialName Ltd", "Buyer Official Name", "lj@buyer.se", PeppolBuyerEndpoint, "FR23342",
            InvoiceReference: new("Snippet1", null), TermsNote: "Payment within 10 days, 2% discount"),
        ["peppol-base-creditnote-correction.xml"] = new(UblDocumentKind.CreditNote, "Snippet1", new(2017, 11, 13), null, "EUR", "1656.25",
            "SupplierOfficialName Ltd", "Buyer Official Name", "lj@buyer.se", PeppolBuyerEndpoint, "FR23342",
            InvoiceReference: new("Snippet1", null), TermsNote: "Payment within 10 days, 2% discount"),
        ["peppol-vat-category-E.xml"] = new(UblDocumentKind.Invoice, "Vat-Z", new(2018, 8, 30), new(2018, 9, 29), "GBP", "1200.00",
            "The Sellercompany Incorporated", "The Buyercompany", null, new("12345678", "0184"), null,
            TermsNote: "Payment within 30 days", Terms: new PaymentTerms(30)),
        ["peppol-vat-category-O.xml"] = new(UblDocumentKind.Invoice, "Vat-O", new(2018, 8, 30), new(2018, 9, 29), "SEK", "3200.00",
            "The Sellercompany Incorporated", "The Buyercompany", null, new("987654325", "0192"), null,
            TermsNote: "Payment within 30 days", Terms: new PaymentTerms(30)),
        ["peppol-vat-category-Z.xml"] = new(UblDocumentKind.Invoice, "Vat-Z", new(2018, 8, 30), new(2018, 9, 29), "GBP", "1200.00",
            "The Sellercompany Incorporated", "The Buyercompany", null, new("12345678", "0184"), null,
            TermsNote: "Payment within 30 days", Terms: new PaymentTerms(30)),
    };

    private static readonly Dictionary<string, IngestError> Rejected = new()
    {
        // A credit note with no cac:BillingReference cannot be applied to an invoice.
        ["en16931-ubl-tc434-creditnote1.xml"] = new(
            "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID", null,
            "The credit note does not name the invoice it corrects; add cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID with that invoice's number, because TermSync applies each credit note to one invoice."),
    };

    public static TheoryData<string> ReadFiles => [.. Read.Keys.Order(StringComparer.Ordinal)];

    public static TheoryData<string> RejectedFiles => [.. Rejected.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Dataset_files_all_have_expectations()
    {
        var files = Directory.GetFiles(UblDatasetDirectory.Locate(), "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(18, files.Count);
        Assert.Equal(Read.Keys.Concat(Rejected.Keys).Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(ReadFiles))]
    public void Dataset_file_reads_back_exactly(string fileName)
    {
        var expected = Read[fileName];

        var result = ReadFile(fileName);

        Assert.Empty(result.Errors);
        Assert.True(result.Succeeded);
        var document = result.Document;
        Assert.Equal(expected.Kind, document.Kind);
        Assert.Equal(expected.Id, document.Id);
        Assert.Equal(expected.IssueDate, document.IssueDate);
        Assert.Equal(expected.DueDate, document.DueDate);
        Assert.Equal(expected.Currency, document.Currency);
        Assert.Equal(expected.PayableAmount, document.PayableAmount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected.SellerName, document.Seller.Name);
        Assert.Equal(expected.BuyerName, document.Buyer.Name);
        Assert.Equal(expected.BuyerEmail, document.Buyer.ContactEmail);
        Assert.Equal(expected.BuyerEndpoint, document.Buyer.Endpoint);
        Assert.Equal(expected.BuyerPartyId, document.Buyer.PartyId?.Value);
        Assert.Equal(expected.InvoiceReference, document.InvoiceReference);
        Assert.Equal(expected.TermsNote, document.PaymentTermsNote);
        Assert.Equal(expected.Terms, document.PaymentTerms);
    }

    [Theory]
    [MemberData(nameof(RejectedFiles))]
    public void Dataset_file_is_rejected_with_reason(string fileName)
    {
        var result = ReadFile(fileName);

        Assert.False(result.Succeeded);
        Assert.Equal([Rejected[fileName]], result.Errors);
    }

    [Fact]
    public void Id_with_spaces_and_slashes_is_kept()
    {
        var path = Path.Combine(UblDatasetDirectory.Locate(), "en16931-ubl-tc434-creditnote1.xml");
        var xml = File.ReadAllText(path).Replace(
            "<cac:InvoicePeriod>",
            "<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>INV / 2019 / 7</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference><cac:InvoicePeriod>",
            StringComparison.Ordinal);

        var result = UblDocumentReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)));

        Assert.Empty(result.Errors);
        Assert.Equal("018304 / 28865", result.Document!.Id);
        Assert.Equal(new UblInvoiceReference("INV / 2019 / 7", null), result.Document.InvoiceReference);
        Assert.Equal("100.11", result.Document.PayableAmount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("My Customer Company", result.Document.Buyer.Name);
        Assert.Equal("pete.smith@mycustomercompany.be", result.Document.Buyer.ContactEmail);
        Assert.Equal(new UblIdentifier("0000000295", "0201"), result.Document.Buyer.Endpoint);
        Assert.Null(result.Document.DueDate);
    }

    [Fact]
    public void Seller_parties_read_back_exactly()
    {
        var seller = ReadFile("en16931-ubl-tc434-example5.xml").Document!.Seller;

        Assert.Equal("SellerCompany", seller.Name);
        Assert.Equal("SelCo", seller.TradingName);
        Assert.Equal(new UblIdentifier("info@selco.nl", "EM"), seller.Endpoint);
        Assert.Equal(new UblIdentifier("5790000436101", "0088"), seller.PartyId);
        Assert.Equal("NL16356706", seller.TaxId);
        Assert.Equal(new UblIdentifier("NL16356706", null), seller.LegalId);
        Assert.Equal("Anthon@Selco.nl", seller.ContactEmail);
    }

    private static UblReadResult ReadFile(string fileName)
    {
        using var stream = File.OpenRead(Path.Combine(UblDatasetDirectory.Locate(), fileName));
        return UblDocumentReader.Read(stream);
    }

    private sealed record ExpectedDocument(
        UblDocumentKind Kind,
        string Id,
        DateOnly IssueDate,
        DateOnly? DueDate,
        string Currency,
        string PayableAmount,
        string SellerName,
        string BuyerName,
        string? BuyerEmail,
        UblIdentifier? BuyerEndpoint,
        string? BuyerPartyId,
        UblInvoiceReference? InvoiceReference = null,
        string? TermsNote = null,
        PaymentTerms? Terms = null);
}
