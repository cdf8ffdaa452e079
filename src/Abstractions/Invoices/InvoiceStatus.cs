namespace TermSync.Invoices;

/// <summary>An invoice's status, derived from its amounts; never set by hand. Past due is a date condition on top of it.</summary>
[GenerateSerializer, Alias("termsync.InvoiceStatus")]
public enum InvoiceStatus
{
    /// <summary>Nothing paid or credited yet.</summary>
    Open = 0,

    /// <summary>Something paid or credited, something still owed.</summary>
    PartiallyPaid = 1,

    /// <summary>Nothing owed, and payments settled at least part of it.</summary>
    Paid = 2,

    /// <summary>Nothing owed, settled by credit notes alone.</summary>
    Credited = 3,

    /// <summary>The remainder left accounts receivable as a write-off.</summary>
    WrittenOff = 4,

    /// <summary>Cancelled before anything was paid or credited.</summary>
    Void = 5,
}
