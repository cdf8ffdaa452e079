using TermSync.Invoices;

namespace TermSync.CreditNotes;

/// <summary>A credit note against one invoice.</summary>
/// <param name="Amount">Credited amount, positive, in the invoice currency.</param>
[GenerateSerializer, Immutable, Alias("termsync.CreditNote")]
public sealed record CreditNote(
    [property: Id(0)] string InvoiceNumber,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] DateOnly IssueDate);

/// <summary>
/// One credit note of one vendor, keyed "vendorId/creditNoteNumber". The number is the natural key: issuing the same
/// note again changes nothing, and another note under a used number is a conflict.
/// </summary>
[Alias("termsync.ICreditNoteGrain")]
public interface ICreditNoteGrain : IGrainWithStringKey
{
    /// <summary>Issues the credit note and applies it to its invoice; the result carries the invoice afterwards.</summary>
    [Alias("Issue")]
    Task<InvoiceCommandResult> IssueAsync(CreditNote creditNote);

    /// <summary>Returns the credit note, or null when the number was never issued.</summary>
    [Alias("Get")]
    Task<CreditNote?> GetAsync();
}
