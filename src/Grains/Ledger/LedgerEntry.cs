namespace TermSync.Grains.Ledger;

/// <summary>
/// One dated receivables entry of an invoice. Every entry carries the invoice's header as it was when the entry was
/// written, so the newest entry of an invoice gives its current customer, currency and dates.
/// </summary>
/// <param name="EntryKey">
/// The entry's natural key within the invoice, such as "issued", "amended-v3", "payment:REF", "reversal:REF",
/// "credit:CN-1", "write-off", "void" or "queried:CONVERSATION". Appending an entry whose key the invoice already has changes nothing.
/// </param>
/// <param name="BusinessDate">The calendar date the entry takes effect on, in the vendor's reporting time zone.</param>
/// <param name="Amount">The amount in <paramref name="Currency"/>; see <see cref="LedgerEntryKind"/> for each kind's meaning.</param>
public sealed record LedgerEntry(
    string VendorId,
    string InvoiceNumber,
    string CustomerId,
    string Currency,
    DateOnly IssueDate,
    DateOnly DueDate,
    LedgerEntryKind Kind,
    string EntryKey,
    DateOnly BusinessDate,
    decimal Amount);
