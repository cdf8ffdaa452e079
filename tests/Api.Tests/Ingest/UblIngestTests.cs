using System.Net;
using System.Text.Json;
using TermSync.Tests;

namespace TermSync.Api.Tests.Ingest;

/// <summary>
/// Posts every real UBL example file to a vendor of its own and reads the stored invoice back through the API.
/// The expected values are copied by hand from the files, so a change to any amount, date or party fails here.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class UblIngestTests(ApiFixture fixture)
{
    private const string PayableAmountPath = "cac:LegalMonetaryTotal/cbc:PayableAmount";
    private const string InvoiceReferencePath = "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID";

    private static readonly Dictionary<string, ExpectedInvoice> Stored = new()
    {
        ["en16931-guide-example1.xml"] = new("12115118", "2015-01-09", "2015-01-09", "EUR", "250.33", "ODIN 59", null, "10202"),
        ["en16931-ubl-tc434-example1.xml"] = new("12115118", "2015-01-09", "2015-01-09", "EUR", "250.33", "ODIN 59", null, "10202"),
        ["en16931-guide-example2.xml"] = new("TOSL108", "2013-06-30", "2013-07-20", "NOK", "801.78", "The Buyercompany", "john@buyercompany.no", "3456789012098"),
        ["en16931-ubl-tc434-example2.xml"] = new("TOSL108", "2013-06-30", "2013-07-20", "NOK", "801.78", "The Buyercompany", "john@buyercompany.no", "3456789012098"),
        ["en16931-guide-example3.xml"] = new("TOSL108", "2013-04-10", "2013-05-10", "DKK", "1125.00", "Buyercompany ltd", null, "5790000435975"),
        ["en16931-ubl-tc434-example3.xml"] = new("TOSL108", "2013-04-10", "2013-05-10", "DKK", "2005.00", "Buyercompany ltd", null, "5790000435975"),
        ["en16931-ubl-tc434-example4.xml"] = new("TOSL110", "2013-04-10", "2013-05-10", "DKK", "4675.00", "Buyercompany ltd", null, "5790000436057"),
        ["en16931-ubl-tc434-example5.xml"] = new("TOSL110", "2013-04-10", "2013-05-10", "DKK", "2337.50", "Buyercompany ltd", "john.hansen@buyercompany.dk", "5790000436057"),
        ["peppol-Allowance-example.xml"] = new("Snippet1", "2017-11-13", "2017-12-01", "EUR", "6125.00", "Buyer Official Name", "lj@buyer.se", "4598375937"),
        ["peppol-Vat-category-S.xml"] = new("Snippet1", "2017-11-13", "2017-12-01", "EUR", "8550", "Buyer Official Name", null, "FR23342"),
        ["peppol-base-example.xml"] = new("Snippet1", "2017-11-13", "2017-12-01", "EUR", "1656.25", "Buyer Official Name", "lj@buyer.se", "FR23342"),
        ["peppol-sales-order-example.xml"] = new("Snippet1", "2017-11-13", "2017-12-01", "EUR", "1656.25", "Buyer Official Name", "lj@buyer.se", "FR23342"),
        ["peppol-vat-category-E.xml"] = new("Vat-Z", "2018-08-30", "2018-09-29", "GBP", "1200.00", "The Buyercompany", null, "12345678", NetDays: 30),
        ["peppol-vat-category-O.xml"] = new("Vat-O", "2018-08-30", "2018-09-29", "SEK", "3200.00", "The Buyercompany", null, "987654325", NetDays: 30),
        ["peppol-vat-category-Z.xml"] = new("Vat-Z", "2018-08-30", "2018-09-29", "GBP", "1200.00", "The Buyercompany", null, "12345678", NetDays: 30),
    };

    // Each credit note corrects the invoice of another file in full, so that file is posted first, to the same vendor.
    private static readonly Dictionary<string, ExpectedCredit> Credited = new()
    {
        ["peppol-base-creditnote-correction.xml"] = new("peppol-base-example.xml", "Snippet1", "1656.25", "credited"),
    };

    private static readonly Dictionary<string, ExpectedRejection> Rejected = new()
    {
        // A negative corrective invoice would be a negative claim; TermSync takes corrections as credit notes.
        ["peppol-base-negative-inv-correction.xml"] = new(HttpStatusCode.UnprocessableEntity, PayableAmountPath, "-1656.25", ["UBL CreditNote of 1656.25", "invoice 'Snippet1'", InvoiceReferencePath]),

        // A credit note that names no invoice cannot be applied to one.
        ["en16931-ubl-tc434-creditnote1.xml"] = new(HttpStatusCode.BadRequest, InvoiceReferencePath, null, [$"add {InvoiceReferencePath}"]),
    };

    private HttpClient Client => fixture.Client;

    public static TheoryData<string> StoredFiles => [.. Stored.Keys.Order(StringComparer.Ordinal)];

    public static TheoryData<string> CreditedFiles => [.. Credited.Keys.Order(StringComparer.Ordinal)];

    public static TheoryData<string> RejectedFiles => [.. Rejected.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_dataset_file_has_expectation()
    {
        var files = Directory.GetFiles(UblDatasetDirectory.Locate(), "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Stored.Keys.Concat(Credited.Keys).Concat(Rejected.Keys).Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(StoredFiles))]
    public async Task Invoice_file_reads_back_exactly(string fileName)
    {
        var expected = Stored[fileName];
        var vendorId = await ApiRequests.CreateVendorAsync(Client);

        var posted = await (await Client.PostUblAsync(vendorId, IngestRequests.ReadUblFile(fileName))).ReadJsonAsync();
        var read = await (await Client.GetInvoiceAsync(vendorId, expected.Id)).ReadJsonAsync();

        Assert.Equal(expected.Id, posted.GetProperty("invoiceNumber").GetString());
        foreach (var invoice in new[] { posted, read })
        {
            Assert.Equal(expected.Id, invoice.GetProperty("invoiceNumber").GetString());
            Assert.Equal(expected.IssueDate, invoice.GetProperty("issueDate").GetString());
            Assert.Equal(expected.DueDate, invoice.GetProperty("dueDate").GetString());
            Assert.Equal(expected.Currency, invoice.GetProperty("currency").GetString());
            Assert.Equal(expected.Amount, invoice.GetProperty("amount").GetRawText());
            Assert.Equal(expected.Amount, invoice.GetProperty("openAmount").GetRawText());
            Assert.Equal(expected.BuyerName, invoice.GetProperty("customerName").GetString());
            Assert.Equal(expected.BuyerEmail, invoice.GetProperty("customerEmail").GetString());
            Assert.Equal(expected.AccountNumber, invoice.GetProperty("accountNumber").GetString());
            Assert.Equal(expected.NetDays, NetDays(invoice));
        }
    }

    [Theory]
    [MemberData(nameof(CreditedFiles))]
    public async Task Credit_note_file_credits_its_invoice(string fileName)
    {
        var expected = Credited[fileName];
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        await (await Client.PostUblAsync(vendorId, IngestRequests.ReadUblFile(expected.InvoiceFileName))).ReadJsonAsync();

        var credited = await (await Client.PostUblAsync(vendorId, IngestRequests.ReadUblFile(fileName))).ReadJsonAsync();
        var read = await (await Client.GetInvoiceAsync(vendorId, expected.InvoiceNumber)).ReadJsonAsync();

        foreach (var invoice in new[] { credited, read })
        {
            Assert.Equal(expected.InvoiceNumber, invoice.GetProperty("invoiceNumber").GetString());
            Assert.Equal(expected.CreditedAmount, invoice.GetProperty("creditedAmount").GetRawText());
            Assert.Equal(0m, invoice.GetProperty("openAmount").GetDecimal());
            Assert.Equal(expected.Status, invoice.GetProperty("status").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(RejectedFiles))]
    public async Task Unrepresentable_file_is_rejected_with_fix(string fileName)
    {
        var expected = Rejected[fileName];
        var vendorId = await ApiRequests.CreateVendorAsync(Client);

        var response = await Client.PostUblAsync(vendorId, IngestRequests.ReadUblFile(fileName));

        var problem = await ReadProblemAsync(response, expected.Status);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(expected.Field, error.GetProperty("name").GetString());
        Assert.Equal(expected.Value, error.GetProperty("value").GetString());
        var reason = error.GetProperty("reason").GetString();
        foreach (var fix in expected.ReasonParts)
        {
            Assert.Contains(fix, reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ids_with_spaces_and_slashes_round_trip()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var invoiceXml = ReplaceFirst(IngestRequests.ReadUblFile("peppol-base-example.xml"), "<cbc:ID>Snippet1</cbc:ID>", "<cbc:ID>INV / 2017 / 1</cbc:ID>");
        var creditNoteXml = IngestRequests.ReadUblFile("en16931-ubl-tc434-creditnote1.xml").Replace(
            "<cac:InvoicePeriod>",
            "<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>INV / 2017 / 1</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference><cac:InvoicePeriod>",
            StringComparison.Ordinal);

        await (await Client.PostUblAsync(vendorId, invoiceXml)).ReadJsonAsync();
        await (await Client.PostUblAsync(vendorId, creditNoteXml)).ReadJsonAsync();
        var invoice = await (await Client.GetInvoiceAsync(vendorId, "INV / 2017 / 1")).ReadJsonAsync();
        var creditNote = await (await Client.GetAsync(
            $"/vendors/{vendorId}/credit-notes/{Uri.EscapeDataString("018304 / 28865")}", TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal("INV / 2017 / 1", invoice.GetProperty("invoiceNumber").GetString());
        Assert.Equal("100.11", invoice.GetProperty("creditedAmount").GetRawText());
        Assert.Equal(1556.14m, invoice.GetProperty("openAmount").GetDecimal());
        Assert.Equal("INV / 2017 / 1", creditNote.GetProperty("invoiceNumber").GetString());
    }

    [Fact]
    public async Task Resent_invoice_is_unchanged()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var xml = IngestRequests.ReadUblFile("peppol-base-example.xml");

        var first = await (await Client.PostUblAsync(vendorId, xml)).ReadJsonAsync();
        var second = await (await Client.PostUblAsync(vendorId, xml)).ReadJsonAsync();

        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal(1, second.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Buyer_without_identifier_is_unprocessable()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var xml = IngestRequests.ReadUblFile("peppol-vat-category-O.xml").Replace(
            """<cbc:EndpointID schemeID="0192">987654325</cbc:EndpointID>""", "", StringComparison.Ordinal);

        var problem = await ReadProblemAsync(await Client.PostUblAsync(vendorId, xml), HttpStatusCode.UnprocessableEntity);

        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID", error.GetProperty("name").GetString());
        Assert.Contains("add cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetInvoiceAsync(vendorId, "Vat-O")).StatusCode);
    }

    [Fact]
    public async Task Credit_note_before_invoice_is_not_found()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);

        var detail = await HttpAssertions.AssertProblemAsync(
            await Client.PostUblAsync(vendorId, IngestRequests.ReadUblFile("peppol-base-creditnote-correction.xml")), HttpStatusCode.NotFound);

        Assert.Contains("send that invoice first", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credit_note_in_other_currency_conflicts()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        await (await Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("Snippet1", "c1", 5000m)))).ReadJsonAsync();

        var detail = await HttpAssertions.AssertProblemAsync(
            await Client.PostUblAsync(vendorId, IngestRequests.ReadUblFile("peppol-base-creditnote-correction.xml")), HttpStatusCode.Conflict);

        Assert.Contains("state the credit note in USD", detail, StringComparison.Ordinal);
        Assert.Equal(0m, (await (await Client.GetInvoiceAsync(vendorId, "Snippet1")).ReadJsonAsync()).GetProperty("creditedAmount").GetDecimal());
    }

    [Fact]
    public async Task Malformed_xml_is_bad_request()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);

        var fields = await HttpAssertions.AssertValidationProblemAsync(await Client.PostUblAsync(vendorId, "<Invoice><unclosed></Invoice>"));

        Assert.Equal(["/"], fields);
    }

    [Fact]
    public async Task Invalid_buyer_email_names_its_element()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        var xml = IngestRequests.ReadUblFile("peppol-base-example.xml").Replace(
            "<cbc:ElectronicMail>lj@buyer.se</cbc:ElectronicMail>", "<cbc:ElectronicMail>buyer.se</cbc:ElectronicMail>", StringComparison.Ordinal);

        var fields = await HttpAssertions.AssertValidationProblemAsync(await Client.PostUblAsync(vendorId, xml));

        Assert.Equal(["cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:ElectronicMail"], fields);
    }

    [Fact]
    public async Task Unknown_vendor_is_not_found()
    {
        var response = await Client.PostUblAsync(ApiRequests.NewId("v"), IngestRequests.ReadUblFile("peppol-base-example.xml"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static int? NetDays(JsonElement invoice) =>
        invoice.GetProperty("terms") is { ValueKind: JsonValueKind.Object } terms ? terms.GetProperty("netDays").GetInt32() : null;

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string ReplaceFirst(string text, string oldValue, string newValue)
    {
        var index = text.IndexOf(oldValue, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{oldValue}' is not in the file.");
        return string.Concat(text.AsSpan(0, index), newValue, text.AsSpan(index + oldValue.Length));
    }

    private sealed record ExpectedInvoice(
        string Id, string IssueDate, string DueDate, string Currency, string Amount, string BuyerName, string? BuyerEmail, string AccountNumber, int? NetDays = null);

    private sealed record ExpectedCredit(string InvoiceFileName, string InvoiceNumber, string CreditedAmount, string Status);

    private sealed record ExpectedRejection(HttpStatusCode Status, string Field, string? Value, string[] ReasonParts);
}
