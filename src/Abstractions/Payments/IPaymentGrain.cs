namespace TermSync.Payments;

/// <summary>
/// One payment of one vendor, keyed "vendorId/paymentReference". The reference is the natural key: recording the
/// same remittance again changes nothing, and a different remittance under a used reference is a conflict.
/// </summary>
[Alias("termsync.IPaymentGrain")]
public interface IPaymentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the payment, applies its allocations to the invoices and credits the rest to the account. A retry
    /// after a failure finishes the applications the first attempt did not reach.
    /// </summary>
    [Alias("Record")]
    Task<PaymentResult> RecordAsync(Remittance remittance);

    /// <summary>Reverses the payment: every invoice it paid reopens and its unapplied credit is removed.</summary>
    [Alias("Reverse")]
    Task<PaymentResult> ReverseAsync(DateOnly reversedOn);

    /// <summary>Returns the payment, or null when the reference was never recorded.</summary>
    [Alias("Get")]
    Task<PaymentView?> GetAsync();
}
