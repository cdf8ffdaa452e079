namespace TermSync.Invoices;

/// <summary>A payment applied to one invoice.</summary>
/// <param name="PaymentId">The vendor's id of the payment; a repeated id is the same payment.</param>
/// <param name="Amount">Amount paid, positive, in the invoice currency.</param>
/// <param name="PaidOn">Calendar date the payment was received.</param>
[GenerateSerializer, Immutable, Alias("termsync.PaymentRecord")]
public sealed record PaymentRecord(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] DateOnly PaidOn);
