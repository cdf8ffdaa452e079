namespace TermSync.Api.Features.Links;

/// <summary>The invoice a digest link points at, and the customer the digest was sent to.</summary>
public sealed record LinkRequest(string VendorId, string InvoiceNumber, string? Customer);
