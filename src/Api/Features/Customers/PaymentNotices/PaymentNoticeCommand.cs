using TermSync.Invoices;
using Request = TermSync.Api.Features.Customers.PaymentNotices.Record.Request;
using Validator = TermSync.Api.Features.Customers.PaymentNotices.Record.Validator;

namespace TermSync.Api.Features.Customers.PaymentNotices;

/// <summary>
/// The payment-notice command that the API endpoint and the customer pages both run: validate the request with
/// <see cref="Validator"/> first, then call <see cref="SendAsync"/>.
/// </summary>
public static class PaymentNoticeCommand
{
    /// <summary>Builds the notice of a request that passed <see cref="Validator"/>.</summary>
    public static PaymentNotice ToNotice(Request request, DateTimeOffset now) =>
        new(request.Kind!.Value, request.Date!.Value, request.Method?.Trim(), request.AuthorName!.Trim(), now);

    /// <summary>
    /// Sends the notice of a validated request to the invoice grain of <paramref name="invoiceNumber"/>, the invoice number
    /// itself rather than its route form, so that a number containing the text "%2F" reaches its own invoice. The result is
    /// not found when the invoice is not billed to the request's customer, and invalid, naming the field, when a date is
    /// out of range.
    /// </summary>
    public static Task<InvoiceCommandResult> SendAsync(IGrainFactory grains, Request request, string invoiceNumber, DateTimeOffset now) =>
        grains.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(request.VendorId, invoiceNumber))
            .RecordPaymentNoticeAsync(request.CustomerId, ToNotice(request, now));
}
