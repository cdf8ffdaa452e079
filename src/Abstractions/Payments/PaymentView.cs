namespace TermSync.Payments;

/// <summary>A recorded payment: what it paid on each invoice and what remained as unapplied credit.</summary>
/// <param name="Applications">Amount applied per invoice number, in allocation order.</param>
/// <param name="UnappliedAmount">The part of the amount that no invoice took, credited to the account.</param>
/// <param name="ReversedOn">Date of the reversal (a bounced payment), or null.</param>
[GenerateSerializer, Immutable, Alias("termsync.PaymentView")]
public sealed record PaymentView(
    [property: Id(0)] string VendorId,
    [property: Id(1)] string PaymentReference,
    [property: Id(2)] Remittance Remittance,
    [property: Id(3)] IReadOnlyList<PaymentAllocation> Applications,
    [property: Id(4)] decimal UnappliedAmount,
    [property: Id(5)] DateOnly? ReversedOn);

/// <summary>How a payment command ended.</summary>
[GenerateSerializer, Alias("termsync.PaymentCommandStatus")]
public enum PaymentCommandStatus
{
    Applied = 0,
    Unchanged = 1,
    NotFound = 2,
    Conflict = 3,
}

/// <summary>The outcome of a payment command, with the payment as it is afterwards.</summary>
[GenerateSerializer, Immutable, Alias("termsync.PaymentResult")]
public sealed record PaymentResult(
    [property: Id(0)] PaymentCommandStatus Status,
    [property: Id(1)] PaymentView? Payment,
    [property: Id(2)] string? Error);
