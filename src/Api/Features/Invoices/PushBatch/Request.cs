namespace TermSync.Api.Features.Invoices.PushBatch;

/// <summary>A batch of 1 to 1,000 invoices of one vendor. A number pushed before is an update, not a duplicate.</summary>
public sealed class Request
{
    /// <summary>Maximum number of invoices in one batch.</summary>
    public const int MaxInvoices = 1000;

    public string VendorId { get; set; } = "";

    public List<InvoiceInput>? Invoices { get; set; }
}

/// <summary>One invoice of a batch.</summary>
public sealed class InvoiceInput
{
    public string? InvoiceNumber { get; set; }

    public CustomerInput? Customer { get; set; }

    /// <summary>ISO 4217 code in upper case, for example USD.</summary>
    public string? Currency { get; set; }

    /// <summary>Invoice total, positive, with no more decimals than the currency's minor units.</summary>
    public decimal? Amount { get; set; }

    /// <summary>Calendar date of issue, YYYY-MM-DD.</summary>
    public DateOnly? IssueDate { get; set; }

    /// <summary>Calendar date the invoice is due, YYYY-MM-DD, on or after the issue date.</summary>
    public DateOnly? DueDate { get; set; }
}

/// <summary>The customer billed.</summary>
public sealed class CustomerInput
{
    /// <summary>Network customer id; invoices of all vendors to one id form one digest.</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>Accounts-payable mailbox that receives the digest.</summary>
    public string? Email { get; set; }
}
