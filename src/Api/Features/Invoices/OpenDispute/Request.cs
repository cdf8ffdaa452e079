using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Invoices.OpenDispute;

/// <summary>A dispute on one invoice.</summary>
/// <param name="Reason">One of pricing, quantity, damaged-goods, not-received, duplicate-billing, other.</param>
public sealed record Request(string VendorId, string InvoiceNumber, DateOnly? OpenedOn, string? Reason, string? Message) : IInvoiceRoute
{
    public static readonly string[] Reasons = ["pricing", "quantity", "damaged-goods", "not-received", "duplicate-billing", "other"];
}
