namespace TermSync.Invoices;

/// <summary>The kind of notice a customer sends a vendor about paying an open invoice.</summary>
[GenerateSerializer, Alias("termsync.PaymentNoticeKind")]
public enum PaymentNoticeKind
{
    /// <summary>The customer paid on <see cref="PaymentNotice.Date"/> by <see cref="PaymentNotice.Method"/>.</summary>
    Paid = 0,

    /// <summary>The customer promises to pay on <see cref="PaymentNotice.Date"/>.</summary>
    Promised = 1,
}
