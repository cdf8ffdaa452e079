namespace TermSync.Api.Features.Invoices.PushBatch;

/// <summary>A batch of 1 to 1,000 invoices of one vendor. A number pushed before is an update, not a duplicate.</summary>
public sealed class Request
{
    /// <summary>Maximum number of invoices in one batch; a larger batch is rejected whole with 413.</summary>
    public const int MaxInvoices = 1000;

    public string VendorId { get; set; } = "";

    public List<InvoiceInput>? Invoices { get; set; }
}
