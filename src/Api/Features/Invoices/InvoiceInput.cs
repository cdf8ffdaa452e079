using TermSync.Accounts;
using TermSync.Invoices;

namespace TermSync.Api.Features.Invoices;

/// <summary>An invoice as a vendor sends it, in a batch or as an amendment.</summary>
public class InvoiceInput
{
    public string? InvoiceNumber { get; set; }

    public CustomerInput? Customer { get; set; }

    /// <summary>ISO 4217 code in upper case, for example USD.</summary>
    public string? Currency { get; set; }

    /// <summary>Invoice total, positive, with no more decimals than the currency's minor units.</summary>
    public decimal? Amount { get; set; }

    /// <summary>Calendar date of issue, YYYY-MM-DD.</summary>
    public DateOnly? IssueDate { get; set; }

    /// <summary>Calendar date the invoice is due, YYYY-MM-DD, on or after the issue date. Required unless terms are sent.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>Payment terms; the due date is computed from them when no due date is sent.</summary>
    public TermsInput? Terms { get; set; }

    public CustomerContact ToContact() =>
        new(Customer!.Name!.Trim(), Customer.Email?.Trim(), Customer.TaxId?.Trim(), Customer.TimeZone, Customer.Language);

    public PaymentTerms? ToTerms() =>
        Terms is null ? null : new PaymentTerms(Terms.NetDays ?? 0, Terms.EndOfMonth ?? false, Terms.DiscountPercent, Terms.DiscountDays);

    /// <summary>Builds the draft for the network customer the account resolved to.</summary>
    public InvoiceDraft ToDraft(string customerId)
    {
        var terms = ToTerms();
        var customer = new CustomerReference(customerId, Customer!.Name!.Trim(), Customer.Email?.Trim(), Customer.TimeZone, Customer.Language);
        var dueDate = DueDate ?? terms!.DueDate(IssueDate!.Value);
        return new InvoiceDraft(customer, Currency!, Amount!.Value, IssueDate!.Value, dueDate, Customer.AccountNumber!, terms);
    }
}

/// <summary>The customer billed, as recorded by the vendor.</summary>
public sealed class CustomerInput
{
    /// <summary>The vendor's own account number of the customer.</summary>
    public string? AccountNumber { get; set; }

    public string? Name { get; set; }

    /// <summary>Accounts-payable mailbox; with the tax id, it links the account to one network customer across vendors.</summary>
    public string? Email { get; set; }

    /// <summary>Tax or VAT id; when given it decides the network customer before the email does.</summary>
    public string? TaxId { get; set; }

    /// <summary>IANA time zone of the customer's digests; UTC when omitted.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Language of the customer's digests as an IETF tag, for example "en" or "de"; English when omitted.</summary>
    public string? Language { get; set; }
}

/// <summary>Payment terms: net days from the issue date (or from the end of its month), with an optional early-payment discount.</summary>
public sealed class TermsInput
{
    public int? NetDays { get; set; }

    public bool? EndOfMonth { get; set; }

    /// <summary>Discount in percent, for example 2 for "2% 10, net 30".</summary>
    public decimal? DiscountPercent { get; set; }

    public int? DiscountDays { get; set; }
}
