using TermSync.Metrics;

namespace TermSync.Grains.Ledger;

/// <summary>Collects the ledger rows of one invoice, in the order they were recorded, into an <see cref="InvoiceHistory"/>.</summary>
internal sealed class InvoiceHistoryBuilder(string vendorId, string invoiceNumber, string customerId, string currency, DateOnly issueDate, DateOnly dueDate)
{
    private const string PaymentKeyPrefix = "payment:";

    private const string ReversalKeyPrefix = "reversal:";

    private readonly List<InvoiceEntry> _entries = [];
    private readonly Dictionary<string, DateOnly> _paymentDates = new(StringComparer.Ordinal);
    private readonly List<(string Reference, DateOnly Date, decimal Amount)> _reversals = [];
    private decimal _issuedAmount;
    private DateOnly? _firstQueriedOn;

    public string VendorId => vendorId;

    public string InvoiceNumber => invoiceNumber;

    public void Add(LedgerEntryKind kind, string entryKey, DateOnly businessDate, decimal amount)
    {
        switch (kind)
        {
            case LedgerEntryKind.Issued:
            case LedgerEntryKind.AmountAdjusted:
                _issuedAmount += amount;
                break;
            case LedgerEntryKind.Payment:
                _paymentDates[entryKey[PaymentKeyPrefix.Length..]] = businessDate;
                _entries.Add(new InvoiceEntry(InvoiceEntryKind.Payment, OnOrAfterIssue(businessDate), amount));
                break;
            case LedgerEntryKind.PaymentReversal:
                _reversals.Add((entryKey[ReversalKeyPrefix.Length..], businessDate, amount));
                break;
            case LedgerEntryKind.Credit:
                _entries.Add(new InvoiceEntry(InvoiceEntryKind.CreditNote, OnOrAfterIssue(businessDate), amount));
                break;
            case LedgerEntryKind.WriteOff:
                _entries.Add(new InvoiceEntry(InvoiceEntryKind.WriteOff, OnOrAfterIssue(businessDate), 0m));
                break;
            case LedgerEntryKind.Void:
                _entries.Add(new InvoiceEntry(InvoiceEntryKind.Void, OnOrAfterIssue(businessDate), 0m));
                break;
            case LedgerEntryKind.Queried:
                _firstQueriedOn = _firstQueriedOn is { } first && first <= businessDate ? first : businessDate;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown ledger entry kind.");
        }
    }

    public InvoiceHistory Build()
    {
        // A reversal counts no earlier than the payment it takes back, so the reversed amount never exceeds the amount paid by a date.
        foreach (var (reference, date, amount) in _reversals)
        {
            var paidOn = _paymentDates.TryGetValue(reference, out var found) ? found : date;
            var reversedOn = OnOrAfterIssue(date < paidOn ? paidOn : date);
            _entries.Add(new InvoiceEntry(InvoiceEntryKind.PaymentReversal, reversedOn, amount));
        }

        // The calculator takes no entry after a void. A payment and its reversal may be dated after the void that followed
        // them, so the void counts on the date of the latest other entry in that case.
        var voidIndex = _entries.FindIndex(entry => entry.Kind == InvoiceEntryKind.Void);
        if (voidIndex >= 0)
        {
            var latest = _entries.Where(entry => entry.Kind != InvoiceEntryKind.Void).Select(entry => entry.Date).DefaultIfEmpty(_entries[voidIndex].Date).Max();
            if (latest > _entries[voidIndex].Date)
            {
                _entries[voidIndex] = _entries[voidIndex] with { Date = latest };
            }
        }

        return new InvoiceHistory(vendorId, invoiceNumber, customerId, currency, issueDate, dueDate, _issuedAmount, _entries, _firstQueriedOn);
    }

    /// <summary>
    /// Returns <paramref name="date"/>, or the issue date when it is earlier, because the calculator takes no entry dated
    /// before the invoice. NOTE: a payment the vendor dated before the issue date therefore counts on the issue date.
    /// </summary>
    private DateOnly OnOrAfterIssue(DateOnly date) => date < issueDate ? issueDate : date;
}
