namespace TermSync.Vendors;

/// <summary>A vendor's receivables in one currency, summed over all of its invoices.</summary>
/// <param name="InvoiceCount">Invoices issued and not void.</param>
/// <param name="OpenCount">Invoices with an open amount.</param>
/// <param name="WrittenOffAmount">Remainders written off, reported apart from payments.</param>
[GenerateSerializer, Immutable, Alias("termsync.VendorCurrencyFigures")]
public sealed record VendorCurrencyFigures(
    [property: Id(0)] string Currency,
    [property: Id(1)] int InvoiceCount,
    [property: Id(2)] int OpenCount,
    [property: Id(3)] decimal InvoicedAmount,
    [property: Id(4)] decimal OpenAmount,
    [property: Id(5)] decimal PaidAmount,
    [property: Id(6)] decimal CreditedAmount,
    [property: Id(7)] decimal WrittenOffAmount)
{
    /// <summary>Adds the figures of another shard in the same currency.</summary>
    public VendorCurrencyFigures Add(VendorCurrencyFigures other) => new(
        Currency,
        InvoiceCount + other.InvoiceCount,
        OpenCount + other.OpenCount,
        InvoicedAmount + other.InvoicedAmount,
        OpenAmount + other.OpenAmount,
        PaidAmount + other.PaidAmount,
        CreditedAmount + other.CreditedAmount,
        WrittenOffAmount + other.WrittenOffAmount);
}
