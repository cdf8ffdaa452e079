using System.Text;
using TermSync.Ingest.Ubl;
using TermSync.Invoices;

namespace TermSync.Ingest.Tests.Ubl;

public sealed class UblDocumentReaderTests
{
    private static readonly UblSample Invoice = new();

    [Fact]
    public void Sample_invoice_is_read()
    {
        var result = UblDocumentReader.Read(Invoice.ToStream());

        Assert.Empty(result.Errors);
        Assert.Equal(1250.50m, result.Document!.PayableAmount);
        Assert.Equal(new DateOnly(2025, 3, 31), result.Document.DueDate);
        Assert.Equal("Buyer Ltd", result.Document.Buyer.Name);
        Assert.Equal("ap@buyer.example", result.Document.Buyer.ContactEmail);
    }

    [Fact]
    public void Doctype_is_rejected()
    {
        var sample = Invoice with { Prolog = """<!DOCTYPE Invoice [<!ENTITY buyer "Buyer Ltd">]>""", BuyerName = "&buyer;" };

        var error = Assert.Single(UblDocumentReader.Read(sample.ToStream()).Errors);

        Assert.Equal("/", error.Field);
        Assert.Contains("DOCTYPE", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void External_entity_is_never_loaded()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "Leaked Ltd");
        try
        {
            var sample = Invoice with { Prolog = $"""<!DOCTYPE Invoice [<!ENTITY buyer SYSTEM "file://{secret}">]>""", BuyerName = "&buyer;" };

            var result = UblDocumentReader.Read(sample.ToStream());

            Assert.False(result.Succeeded);
            Assert.DoesNotContain(result.Errors, error => error.Reason.Contains("Leaked", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Malformed_xml_is_rejected()
    {
        var error = Assert.Single(UblDocumentReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("<Invoice><cbc:ID>"))).Errors);

        Assert.Equal("/", error.Field);
        Assert.Contains("not well-formed XML", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_document_element_is_rejected()
    {
        var xml = """<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>""";

        var error = Assert.Single(UblDocumentReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml))).Errors);

        Assert.Equal("/", error.Field);
        Assert.Contains("not a UBL 2.1 Invoice or CreditNote", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_currency_is_rejected()
    {
        var error = Assert.Single(UblDocumentReader.Read((Invoice with { Currency = "XYZ", PayableCurrency = "XYZ" }).ToStream()).Errors);

        Assert.Equal(new IngestError("cbc:DocumentCurrencyCode", "XYZ",
            "'XYZ' is not a currency TermSync supports; use an upper-case ISO 4217 code such as EUR, USD or NOK."), error);
    }

    [Theory]
    [InlineData("EUR", "10.505", "has 3 decimals but EUR allows 2")]
    [InlineData("JPY", "1200.5", "has 1 decimals but JPY allows 0")]
    [InlineData("EUR", "1,250.50", "is not a number")]
    [InlineData("EUR", "1.2E3", "is not a number")]
    [InlineData("EUR", "10.0000000000000000000000000001", "has 28 decimals but EUR allows 2")]
    [InlineData("EUR", "12345678901234567890123456789", "more than 28 significant digits")]
    public void Invalid_payable_amount_is_rejected(string currency, string amount, string reason)
    {
        var sample = Invoice with { Currency = currency, PayableCurrency = currency, PayableAmount = amount };

        var error = Assert.Single(UblDocumentReader.Read(sample.ToStream()).Errors);

        Assert.Equal("cac:LegalMonetaryTotal/cbc:PayableAmount", error.Field);
        Assert.Equal(amount, error.Value);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KWD", "10.125", "10.125")]
    [InlineData("JPY", "1200", "1200")]
    [InlineData("EUR", "10.500", "10.500")]
    [InlineData("EUR", "+7.", "7")]
    public void Payable_amount_is_never_rounded(string currency, string amount, string expected)
    {
        var sample = Invoice with { Currency = currency, PayableCurrency = currency, PayableAmount = amount };

        var result = UblDocumentReader.Read(sample.ToStream());

        Assert.Empty(result.Errors);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Document!.PayableAmount);
    }

    [Fact]
    public void Payable_amount_in_other_currency_is_rejected()
    {
        var error = Assert.Single(UblDocumentReader.Read((Invoice with { PayableCurrency = "USD" }).ToStream()).Errors);

        Assert.Equal("cac:LegalMonetaryTotal/cbc:PayableAmount/@currencyID", error.Field);
        Assert.Equal("USD", error.Value);
    }

    [Fact]
    public void Payable_amount_without_currency_is_rejected()
    {
        var error = Assert.Single(UblDocumentReader.Read((Invoice with { PayableCurrency = null }).ToStream()).Errors);

        Assert.Equal("cac:LegalMonetaryTotal/cbc:PayableAmount/@currencyID", error.Field);
        Assert.Null(error.Value);
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("01/03/2025")]
    [InlineData("2025-3-1")]
    public void Unparsable_issue_date_is_rejected(string issueDate)
    {
        var error = Assert.Single(UblDocumentReader.Read((Invoice with { IssueDate = issueDate }).ToStream()).Errors);

        Assert.Equal(new IngestError("cbc:IssueDate", issueDate,
            $"The issue date '{issueDate}' is not a calendar date; write it as YYYY-MM-DD, such as 2025-03-31."), error);
    }

    [Fact]
    public void Date_with_time_zone_keeps_calendar_date()
    {
        var result = UblDocumentReader.Read((Invoice with { IssueDate = "2025-03-01+01:00", DueDate = "2025-03-31Z" }).ToStream());

        Assert.Empty(result.Errors);
        Assert.Equal(new DateOnly(2025, 3, 1), result.Document!.IssueDate);
        Assert.Equal(new DateOnly(2025, 3, 31), result.Document.DueDate);
    }

    [Fact]
    public void Due_date_before_issue_date_is_rejected()
    {
        var error = Assert.Single(UblDocumentReader.Read((Invoice with { DueDate = "2025-02-28" }).ToStream()).Errors);

        Assert.Equal("cbc:DueDate", error.Field);
        Assert.Equal("2025-02-28", error.Value);
    }

    [Fact]
    public void Invoice_without_due_date_or_terms_is_rejected()
    {
        var error = Assert.Single(UblDocumentReader.Read((Invoice with { DueDate = null }).ToStream()).Errors);

        Assert.Equal("cbc:DueDate", error.Field);
        Assert.Null(error.Value);
        Assert.StartsWith("The invoice has no due date and no payment terms; add cbc:DueDate as YYYY-MM-DD", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invoice_with_unreadable_terms_only_is_rejected()
    {
        var sample = Invoice with { DueDate = null, TermsNote = "50% prepaid, 50% within one month" };

        var error = Assert.Single(UblDocumentReader.Read(sample.ToStream()).Errors);

        Assert.Equal("cac:PaymentTerms/cbc:Note", error.Field);
        Assert.Equal("50% prepaid, 50% within one month", error.Value);
        Assert.Contains("cannot compute one from the payment terms", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Due_date_is_computed_from_terms()
    {
        var sample = Invoice with { DueDate = null, TermsNote = "Net 30\n   EOM" };

        var result = UblDocumentReader.Read(sample.ToStream());

        Assert.Empty(result.Errors);
        Assert.Equal("Net 30 EOM", result.Document!.PaymentTermsNote);
        Assert.Equal(new PaymentTerms(30, EndOfMonth: true), result.Document.PaymentTerms);
        Assert.Equal(new DateOnly(2025, 4, 30), result.Document.DueDate);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Payment_means_due_date_is_used(string? dueDate)
    {
        var result = UblDocumentReader.Read((Invoice with { DueDate = dueDate, PaymentDueDate = "2025-04-15" }).ToStream());

        Assert.Empty(result.Errors);
        Assert.Equal(new DateOnly(2025, 4, 15), result.Document!.DueDate);
    }

    [Fact]
    public void Credit_note_reads_invoice_reference()
    {
        var sample = Invoice with { Root = "CreditNote", Id = "CN 2025/7", DueDate = null, InvoiceReference = "INV 2025/1" };

        var result = UblDocumentReader.Read(sample.ToStream());

        Assert.Empty(result.Errors);
        Assert.Equal(UblDocumentKind.CreditNote, result.Document!.Kind);
        Assert.Equal("CN 2025/7", result.Document.Id);
        Assert.Equal(new UblInvoiceReference("INV 2025/1", null), result.Document.InvoiceReference);
        Assert.Null(result.Document.DueDate);
    }

    [Fact]
    public void Invoice_typed_as_credit_note_is_rejected()
    {
        var error = Assert.Single(UblDocumentReader.Read((Invoice with { InvoiceTypeCode = "381" }).ToStream()).Errors);

        Assert.Equal("cbc:InvoiceTypeCode", error.Field);
        Assert.Equal("381", error.Value);
        Assert.StartsWith("The Invoice has type code 381, which is a credit note; send it as a UBL CreditNote document", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Commercial_invoice_type_code_is_accepted()
    {
        Assert.Empty(UblDocumentReader.Read((Invoice with { InvoiceTypeCode = "380" }).ToStream()).Errors);
    }

    [Fact]
    public void Missing_fields_are_all_reported()
    {
        var sample = Invoice with { Id = " ", IssueDate = "", BuyerName = null, Currency = "eur" };

        var errors = UblDocumentReader.Read(sample.ToStream()).Errors;

        Assert.Equal(
            ["cbc:ID", "cbc:IssueDate", "cbc:DocumentCurrencyCode", "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName"],
            errors.Select(error => error.Field));
    }
}
