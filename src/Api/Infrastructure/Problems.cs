namespace TermSync.Api.Infrastructure;

/// <summary>RFC 9457 problem details for outcomes other than validation failures.</summary>
public static class Problems
{
    public static IResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title, type: "https://tools.ietf.org/html/rfc9110#section-15.5.5");

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "The request conflicts with the invoice's state.", type: "https://tools.ietf.org/html/rfc9110#section-15.5.10");

    public static IResult VendorNotFound(string vendorId) =>
        NotFound("Vendor not found.", $"No vendor '{vendorId}' is registered; create it with POST /vendors first.");

    public static IResult InvoiceNotFound(string vendorId, string invoiceNumber) =>
        NotFound("Invoice not found.", $"Vendor '{vendorId}' has no invoice '{invoiceNumber}'; push it with POST /vendors/{vendorId}/invoices/batch first.");

    public static IResult CustomerNotFound(string customerId) =>
        NotFound("Customer not found.", $"No vendor has billed a customer '{customerId}'.");
}
