namespace TermSync.Api.Features.Payments.Record;

/// <summary>A payment received from one customer account, allocated across that account's invoices.</summary>
/// <param name="PaymentReference">The vendor's reference; recording it again is the same payment.</param>
/// <param name="CustomerAccount">The vendor's account number of the paying customer.</param>
/// <param name="Amount">Amount received, positive; what the allocations do not use becomes unapplied credit on the account.</param>
/// <param name="Allocations">How the customer assigned the money, invoice by invoice; may be empty for a payment on account.</param>
public sealed record Request(
    string VendorId,
    string? PaymentReference,
    string? CustomerAccount,
    string? Currency,
    decimal? Amount,
    DateOnly? ReceivedOn,
    List<AllocationInput>? Allocations);

/// <summary>Part of the payment assigned to one invoice.</summary>
public sealed record AllocationInput(string? InvoiceNumber, decimal? Amount);
