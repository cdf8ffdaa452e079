namespace TermSync.Metrics;

/// <summary>The kind of a dated change to an invoice in its history.</summary>
[GenerateSerializer, Alias("termsync.InvoiceEntryKind")]
public enum InvoiceEntryKind
{
    /// <summary>A payment applied to the invoice; lowers the open amount.</summary>
    Payment = 0,

    /// <summary>A payment taken back, such as a returned transfer; raises the open amount by the reversed amount.</summary>
    PaymentReversal = 1,

    /// <summary>A credit note applied to the invoice; lowers the open amount and subtracts from credit sales on its date.</summary>
    CreditNote = 2,

    /// <summary>The open remainder left receivables as a write-off; the invoice is closed from this date.</summary>
    WriteOff = 3,

    /// <summary>The invoice was cancelled before anything was paid or credited; the sale is reversed on this date.</summary>
    Void = 4,
}
