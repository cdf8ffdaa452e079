namespace TermSync.Api.Features.Vendors.SetPaymentPage;

/// <summary>A vendor's new payment-page URL template.</summary>
/// <param name="UrlTemplate">An https URL (http only for 127.0.0.1 or localhost) of at most 2,000 characters that contains
/// {invoiceNumber} and may contain {amount}, {currency} and {accountNumber}; null removes the template.</param>
public sealed record Request(string VendorId, string? UrlTemplate);
