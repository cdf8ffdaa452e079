namespace TermSync.Grains.Ledger;

/// <summary>The kind of a receivables ledger entry, stored in the entry_kind column under <see cref="LedgerEntryKinds.ToColumn"/>.</summary>
public enum LedgerEntryKind
{
    /// <summary>The invoice was issued; the amount is the issued total.</summary>
    Issued,

    /// <summary>An amendment changed the invoice; the amount is the change of the total, which may be zero or negative.</summary>
    AmountAdjusted,

    /// <summary>A payment applied to the invoice; the amount is the part this invoice took.</summary>
    Payment,

    /// <summary>A payment taken back; the amount is the reversed payment's amount.</summary>
    PaymentReversal,

    /// <summary>A credit note applied to the invoice.</summary>
    Credit,

    /// <summary>The open remainder was written off; the amount is that remainder.</summary>
    WriteOff,

    /// <summary>The invoice was cancelled; the amount is zero.</summary>
    Void,

    /// <summary>A customer question or dispute named the invoice; the amount is zero.</summary>
    Queried,
}
