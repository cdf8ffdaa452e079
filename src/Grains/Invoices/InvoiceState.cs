using TermSync.Invoices;

namespace TermSync.Grains.Invoices;

/// <summary>A payment applied to the invoice: the part of the payment this invoice took.</summary>
[GenerateSerializer, Alias("termsync.AppliedPayment")]
public sealed record AppliedPayment(
    [property: Id(0)] string PaymentReference,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] DateOnly ReceivedOn,
    [property: Id(3)] DateOnly? ReversedOn = null);

/// <summary>A credit note applied to the invoice.</summary>
[GenerateSerializer, Alias("termsync.AppliedCredit")]
public sealed record AppliedCredit(
    [property: Id(0)] string CreditNoteNumber,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] DateOnly IssueDate);

/// <summary>The open remainder written off on a date.</summary>
[GenerateSerializer, Alias("termsync.AppliedWriteOff")]
public sealed record AppliedWriteOff(
    [property: Id(0)] decimal Amount,
    [property: Id(1)] DateOnly WrittenOffOn);

/// <summary>An issue or amendment of the invoice: the version it produced and how much it changed the total.</summary>
/// <param name="Delta">The new total less the previous one; the whole total for the first issue.</param>
[GenerateSerializer, Alias("termsync.AmountRevision")]
public sealed record AmountRevision(
    [property: Id(0)] int Version,
    [property: Id(1)] decimal Delta);

/// <summary>A dispute the customer opened, held by its conversation.</summary>
/// <param name="DisputedAmount">The part held out of the amount owed, or null for all of the open amount.</param>
/// <param name="CreditedAtOpening">The invoice's credited amount when the dispute opened; credits issued since reduce the held part.</param>
[GenerateSerializer, Alias("termsync.DisputeRecord")]
public sealed record DisputeRecord(
    [property: Id(0)] DateOnly OpenedOn,
    [property: Id(1)] string Reason,
    [property: Id(2)] string? Message,
    [property: Id(3)] DateOnly? ResolvedOn,
    [property: Id(4)] string ConversationId = "",
    [property: Id(5)] decimal? DisputedAmount = null,
    [property: Id(6)] decimal CreditedAtOpening = 0m)
{
    public bool IsOpen => ResolvedOn is null;
}

/// <summary>A customer the invoice was billed to before, and the version that moved the invoice away from it.</summary>
[GenerateSerializer, Alias("termsync.FormerCustomer")]
public sealed record FormerCustomer(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] int MovedAtVersion);

[GenerateSerializer, Alias("termsync.InvoiceState")]
public sealed class InvoiceState
{
    /// <summary>The draft as last issued or amended, or null before the first issue.</summary>
    [Id(0)]
    public InvoiceDraft? Draft { get; set; }

    /// <summary>Payments applied, reversed ones included, in the order received.</summary>
    [Id(1)]
    public List<AppliedPayment> Payments { get; set; } = [];

    [Id(2)]
    public List<DisputeRecord> Disputes { get; set; } = [];

    /// <summary>Version of the stored state: 0 before the first issue, then one more per change.</summary>
    [Id(3)]
    public int Version { get; set; }

    [Id(4)]
    public List<AppliedCredit> Credits { get; set; } = [];

    [Id(5)]
    public DateOnly? VoidedOn { get; set; }

    [Id(6)]
    public AppliedWriteOff? WriteOff { get; set; }

    /// <summary>
    /// Issues and amendments in order, which the receivables ledger records. Empty for an invoice stored before
    /// revisions were kept; its ledger then starts from the current total.
    /// </summary>
    [Id(7)]
    public List<AmountRevision> Revisions { get; set; } = [];

    /// <summary>The customer's latest notice that it paid or will pay, or null without one.</summary>
    [Id(8)]
    public PaymentNotice? PaymentNotice { get; set; }

    /// <summary>The webhook event id of <see cref="PaymentNotice"/>, stored with it so that a repeat publishes the same event.</summary>
    [Id(9)]
    public string? PaymentNoticeEventId { get; set; }

    /// <summary>
    /// The customers the invoice was moved away from, except the current one. Each publish removes the invoice from
    /// them again, so a retry repairs a removal that failed after the move was stored.
    /// </summary>
    [Id(10)]
    public List<FormerCustomer> FormerCustomers { get; set; } = [];

    public decimal PaidAmount => Payments.Where(payment => payment.ReversedOn is null).Sum(payment => payment.Amount);

    public decimal CreditedAmount => Credits.Sum(credit => credit.Amount);

    public decimal WrittenOffAmount => WriteOff?.Amount ?? 0m;

    public decimal OpenAmount => VoidedOn is not null || Draft is null ? 0m : Draft.Amount - PaidAmount - CreditedAmount - WrittenOffAmount;

    public bool DisputeOpen => Disputes.Count > 0 && Disputes[^1].IsOpen;

    /// <summary>The part of the open amount an open dispute holds out of the amount owed; 0 without one.</summary>
    public decimal DisputedAmount => DisputeOpen ? HeldAmount(Disputes[^1]) : 0m;

    /// <summary>
    /// Returns the part an open dispute holds: its disputed amount less the credits issued since it opened, because a credit
    /// note is how a vendor settles a disputed charge, and never more than the open amount.
    /// </summary>
    private decimal HeldAmount(DisputeRecord dispute)
    {
        if (dispute.DisputedAmount is not { } disputed)
        {
            return OpenAmount;
        }

        var creditedSince = CreditedAmount - dispute.CreditedAtOpening;
        return Math.Clamp(disputed - creditedSince, 0m, OpenAmount);
    }
}
