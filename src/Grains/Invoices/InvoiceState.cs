using TermSync.Invoices;

namespace TermSync.Grains.Invoices;

[GenerateSerializer, Alias("termsync.InvoiceState")]
public sealed class InvoiceState
{
    /// <summary>The draft as last issued, or null before the first issue.</summary>
    [Id(0)]
    public InvoiceDraft? Draft { get; set; }

    [Id(1)]
    public List<PaymentRecord> Payments { get; set; } = [];

    [Id(2)]
    public List<DisputeRecord> Disputes { get; set; } = [];

    /// <summary>Version of the stored state: 0 before the first issue, then one more per change.</summary>
    [Id(3)]
    public int Version { get; set; }

    public decimal PaidAmount => Payments.Sum(payment => payment.Amount);

    public bool DisputeOpen => Disputes.Count > 0 && Disputes[^1].IsOpen;
}
