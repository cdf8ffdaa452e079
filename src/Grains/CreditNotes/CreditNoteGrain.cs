using Microsoft.Extensions.Logging;
using TermSync.CreditNotes;
using TermSync.Invoices;

namespace TermSync.Grains.CreditNotes;

[GenerateSerializer, Alias("termsync.CreditNoteState")]
public sealed class CreditNoteState
{
    [Id(0)]
    public CreditNote? CreditNote { get; set; }
}

/// <summary>One credit note; its number is the natural key that keeps a resent note from crediting twice.</summary>
public sealed partial class CreditNoteGrain(
    [PersistentState("creditnote", StorageNames.Default)] IPersistentState<CreditNoteState> state,
    ILogger<CreditNoteGrain> logger) : Grain, ICreditNoteGrain
{
    public async Task<InvoiceCommandResult> IssueAsync(CreditNote creditNote)
    {
        var (vendorId, number) = VendorScopedKey.Parse(this.GetPrimaryKeyString());
        if (state.State.CreditNote is { } issued && issued != creditNote)
        {
            LogCreditNoteConflict(vendorId, number);
            return InvoiceCommandResult.Conflict(null, $"Credit note '{number}' was already issued for {issued.Amount} on invoice '{issued.InvoiceNumber}'; use a new number for another credit.");
        }

        var invoice = GrainFactory.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(vendorId, creditNote.InvoiceNumber));
        var result = await invoice.ApplyCreditAsync(number, creditNote.Amount, creditNote.IssueDate);
        if (result.Succeeded && state.State.CreditNote is null)
        {
            state.State.CreditNote = creditNote;
            await state.WriteStateAsync();
        }

        return result;
    }

    public Task<CreditNote?> GetAsync() => Task.FromResult(state.State.CreditNote);

    [LoggerMessage(EventId = 6100, Level = LogLevel.Warning, Message = "Credit note {CreditNoteNumber} of vendor {VendorId} was resent with other values")]
    private partial void LogCreditNoteConflict(string vendorId, string creditNoteNumber);
}
