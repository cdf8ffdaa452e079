using TermSync.Invoices;

namespace TermSync.Api.Features.Customers.PaymentNotices.Record;

/// <summary>A customer's notice about one open invoice of one vendor: paid on a date by a method, or a promise to pay on a date.</summary>
/// <param name="InvoiceNumber">The invoice number as in the route; '/' in a number is sent as %2F.</param>
/// <param name="Kind">paid or promised.</param>
/// <param name="Date">The paid date, between the issue date and the vendor's current date, or the promised date, from the vendor's
/// current date to <see cref="PaymentNotice.MaxPromiseDays"/> days later; YYYY-MM-DD.</param>
/// <param name="Method">How the invoice was paid, such as "bank transfer"; required for paid, left out for promised.</param>
/// <param name="AuthorName">The customer's clerk who sends the notice.</param>
public sealed record Request(
    string CustomerId,
    string VendorId,
    string InvoiceNumber,
    PaymentNoticeKind? Kind,
    DateOnly? Date,
    string? Method,
    string? AuthorName);
