namespace TermSync.Invoices;

/// <summary>
/// The full state of one invoice after a change. Invoice grains send it to the customer grain, which
/// keeps the newest <see cref="Version"/> of each invoice and ignores older ones.
/// </summary>
/// <param name="Version">Starts at 1 and grows by one with every stored change.</param>
/// <param name="PaidAmount">Sum of all payments, never above the amount.</param>
[GenerateSerializer, Immutable, Alias("termsync.InvoiceSnapshot")]
public sealed record InvoiceSnapshot(
    [property: Id(0)] string VendorId,
    [property: Id(1)] string InvoiceNumber,
    [property: Id(2)] CustomerReference Customer,
    [property: Id(3)] string Currency,
    [property: Id(4)] decimal Amount,
    [property: Id(5)] decimal PaidAmount,
    [property: Id(6)] DateOnly IssueDate,
    [property: Id(7)] DateOnly DueDate,
    [property: Id(8)] bool DisputeOpen,
    [property: Id(9)] int Version)
{
    /// <summary>What is still owed: the amount less payments.</summary>
    public decimal OpenAmount => Amount - PaidAmount;

    /// <summary>Whether anything is still owed.</summary>
    public bool IsOpen => OpenAmount > 0;

    /// <summary>Whether the invoice is open and its due date is before <paramref name="asOf"/>.</summary>
    public bool IsPastDue(DateOnly asOf) => IsOpen && DueDate < asOf;
}
