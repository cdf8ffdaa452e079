using TermSync.Payments;

namespace TermSync.Grains.Payments;

[GenerateSerializer, Alias("termsync.PaymentState")]
public sealed class PaymentState
{
    /// <summary>The remittance as first recorded, or null before that.</summary>
    [Id(0)]
    public Remittance? Remittance { get; set; }

    /// <summary>Amount each invoice took, filled in as the applications finish.</summary>
    [Id(1)]
    public List<PaymentAllocation> Applications { get; set; } = [];

    /// <summary>Whether every allocation was applied and the rest credited to the account.</summary>
    [Id(2)]
    public bool Completed { get; set; }

    [Id(3)]
    public DateOnly? ReversedOn { get; set; }

    [Id(4)]
    public decimal UnappliedAmount { get; set; }
}
