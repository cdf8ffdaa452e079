namespace TermSync.Api.Features.Vendors;

/// <summary>A vendor's payment page as the API sends it.</summary>
/// <param name="UrlTemplate">The URL with {invoiceNumber} and optional {amount}, {currency} and {accountNumber} placeholders; null when the vendor has none.</param>
public sealed record PaymentPageBody(string? UrlTemplate);
