namespace TermSync.Payments;

/// <summary>Part of a remittance that the customer assigned to one invoice.</summary>
[GenerateSerializer, Immutable, Alias("termsync.PaymentAllocation")]
public sealed record PaymentAllocation(
    [property: Id(0)] string InvoiceNumber,
    [property: Id(1)] decimal Amount);

/// <summary>
/// A payment received from one customer account, in one currency, allocated across that account's invoices.
/// What the allocations do not use (because they ask for more than an invoice owes, or leave part of the amount
/// unassigned) becomes unapplied credit on the account.
/// </summary>
/// <param name="Amount">Amount received, positive, in <paramref name="Currency"/>; at least the sum of the allocations.</param>
[GenerateSerializer, Immutable, Alias("termsync.Remittance")]
public sealed record Remittance(
    [property: Id(0)] string AccountNumber,
    [property: Id(1)] string Currency,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] DateOnly ReceivedOn,
    [property: Id(4)] IReadOnlyList<PaymentAllocation> Allocations)
{
    /// <summary>Value equality that compares the allocations element by element, so a resent remittance is recognised.</summary>
    public bool SameAs(Remittance other) =>
        AccountNumber == other.AccountNumber && Currency == other.Currency && Amount == other.Amount
        && ReceivedOn == other.ReceivedOn && Allocations.SequenceEqual(other.Allocations);
}
