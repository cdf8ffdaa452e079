using TermSync.Grains.Ledger;
using TermSync.Invoices;

namespace TermSync.Grains.Invoices;

/// <summary>
/// Derives the receivables ledger entries of an invoice's stored state. Each entry's key follows from the state alone,
/// so deriving them again after a retry yields the same keys and the ledger skips what it already has.
/// </summary>
internal static class InvoiceLedgerEntries
{
    /// <summary>Returns every entry of <paramref name="invoice"/>, or none before its first issue.</summary>
    public static IReadOnlyList<LedgerEntry> From(string vendorId, string invoiceNumber, InvoiceState invoice)
    {
        if (invoice.Draft is not { } draft)
        {
            return [];
        }

        var entries = new List<LedgerEntry>();
        LedgerEntry Entry(LedgerEntryKind kind, string key, DateOnly date, decimal amount) =>
            new(vendorId, invoiceNumber, draft.Customer.Id, draft.Currency, draft.IssueDate, draft.DueDate, kind, key, date, amount);

        // Amendments correct the sale, so they take effect on the issue date rather than on the day they were sent.
        if (invoice.Revisions.Count == 0)
        {
            entries.Add(Entry(LedgerEntryKind.Issued, "issued", draft.IssueDate, draft.Amount));
        }

        foreach (var revision in invoice.Revisions)
        {
            entries.Add(revision == invoice.Revisions[0]
                ? Entry(LedgerEntryKind.Issued, "issued", draft.IssueDate, revision.Delta)
                : Entry(LedgerEntryKind.AmountAdjusted, $"amended-v{revision.Version}", draft.IssueDate, revision.Delta));
        }

        foreach (var payment in invoice.Payments)
        {
            entries.Add(Entry(LedgerEntryKind.Payment, $"payment:{payment.PaymentReference}", payment.ReceivedOn, payment.Amount));
            if (payment.ReversedOn is { } reversedOn)
            {
                entries.Add(Entry(LedgerEntryKind.PaymentReversal, $"reversal:{payment.PaymentReference}", reversedOn, payment.Amount));
            }
        }

        foreach (var credit in invoice.Credits)
        {
            entries.Add(Entry(LedgerEntryKind.Credit, $"credit:{credit.CreditNoteNumber}", credit.IssueDate, credit.Amount));
        }

        if (invoice.WriteOff is { } writeOff)
        {
            entries.Add(Entry(LedgerEntryKind.WriteOff, "write-off", writeOff.WrittenOffOn, writeOff.Amount));
        }

        if (invoice.VoidedOn is { } voidedOn)
        {
            entries.Add(Entry(LedgerEntryKind.Void, "void", voidedOn, 0m));
        }

        return entries;
    }

    /// <summary>Returns the "first queried" entry that a conversation opened on <paramref name="openedOn"/> adds to an invoice.</summary>
    public static LedgerEntry Queried(InvoiceSnapshot invoice, string conversationId, DateOnly openedOn) =>
        new(invoice.VendorId, invoice.InvoiceNumber, invoice.Customer.Id, invoice.Currency, invoice.IssueDate, invoice.DueDate,
            LedgerEntryKind.Queried, $"queried:{conversationId}", openedOn, 0m);
}
