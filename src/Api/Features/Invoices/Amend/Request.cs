using FastEndpoints;

namespace TermSync.Api.Features.Invoices.Amend;

/// <summary>The invoice as it should be after the amendment; the route's invoice number overrides one in the body.</summary>
public sealed class Request : InvoiceInput
{
    public string VendorId { get; set; } = "";

    /// <summary>The ETag of the version the change is based on, for example "3" in quotes; optional.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; set; }
}
