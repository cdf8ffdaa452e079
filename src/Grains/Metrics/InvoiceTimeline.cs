using TermSync.Metrics;

namespace TermSync.Grains.Metrics;

/// <summary>
/// One validated invoice history, read at any date. "At D" means at the end of day D, so every entry dated D counts,
/// whatever order the entries of one day were posted in.
/// </summary>
internal sealed class InvoiceTimeline
{
    private readonly InvoiceEntry[] moneyEntries;

    public InvoiceTimeline(InvoiceHistory history)
    {
        History = history;
        moneyEntries = [.. history.Entries.Where(entry => IsMoney(entry.Kind)).OrderBy(entry => entry.Date)];
        VoidedOn = history.Entries.FirstOrDefault(entry => entry.Kind == InvoiceEntryKind.Void)?.Date;
        WrittenOffOn = history.Entries.FirstOrDefault(entry => entry.Kind == InvoiceEntryKind.WriteOff)?.Date;
        WrittenOffAmount = WrittenOffOn is { } writeOffDate ? Math.Max(0m, BalanceAt(writeOffDate)) : 0m;
        var latestEntry = history.Entries.Select(entry => entry.Date).Append(history.IssueDate).Max();
        LatestDate = history.FirstQueriedOn is { } queriedOn && queriedOn > latestEntry ? queriedOn : latestEntry;
    }

    /// <summary>The latest of the issue date, every entry's date and the first question's date.</summary>
    public DateOnly LatestDate { get; }

    public InvoiceHistory History { get; }

    public DateOnly? VoidedOn { get; }

    public DateOnly? WrittenOffOn { get; }

    /// <summary>The remainder at the write-off date, after every payment and credit of that date; 0 without a write-off.</summary>
    public decimal WrittenOffAmount { get; }

    /// <summary>
    /// Returns the open amount at the end of <paramref name="date"/>: 0 before the issue date and from a void or
    /// write-off date on, otherwise the issued amount less payments and credits dated on or before it, never below 0.
    /// </summary>
    public decimal OpenAmountAt(DateOnly date)
    {
        if (date < History.IssueDate || VoidedOn <= date || WrittenOffOn <= date)
        {
            return 0m;
        }

        return Math.Max(0m, BalanceAt(date));
    }

    /// <summary>
    /// Returns the date on which the open amount last fell to zero through a payment or credit note and stayed there up
    /// to <paramref name="asOf"/>; null when the invoice is open at <paramref name="asOf"/>, void by then, or written off
    /// by then with a remainder above zero.
    /// </summary>
    public DateOnly? SettledOn(DateOnly asOf)
    {
        if (VoidedOn <= asOf)
        {
            return null;
        }

        var lastDate = asOf;
        if (WrittenOffOn is { } writeOffDate && writeOffDate <= asOf)
        {
            if (WrittenOffAmount > 0m)
            {
                return null;
            }

            // A later payment made the remainder zero, so the invoice was settled on or before the write-off date.
            lastDate = writeOffDate;
        }

        DateOnly? settledOn = null;
        foreach (var date in moneyEntries.Select(entry => entry.Date).Distinct().Where(date => date <= lastDate))
        {
            if (BalanceAt(date) <= 0m)
            {
                settledOn ??= date;
            }
            else
            {
                settledOn = null;
            }
        }

        return settledOn;
    }

    /// <summary>
    /// Returns the dated changes to credit sales: the issued amount on the issue date, minus each credit note on its
    /// date, and minus the issued amount on the void date, because a void reverses the sale.
    /// </summary>
    public IEnumerable<(DateOnly Date, decimal Amount)> SalesEntries()
    {
        yield return (History.IssueDate, History.IssuedAmount);

        foreach (var entry in History.Entries)
        {
            if (entry.Kind == InvoiceEntryKind.CreditNote)
            {
                yield return (entry.Date, -entry.Amount);
            }
            else if (entry.Kind == InvoiceEntryKind.Void)
            {
                yield return (entry.Date, -History.IssuedAmount);
            }
        }
    }

    /// <summary>Returns what the invoice adds to the payment-behaviour sums when it is settled on <paramref name="settledOn"/>.</summary>
    public SettlementTotals SettlementOn(DateOnly settledOn)
    {
        var daysLate = Math.Max(0, settledOn.DayNumber - History.DueDate.DayNumber);
        return new SettlementTotals(1, daysLate, History.IssuedAmount * daysLate, History.IssuedAmount, settledOn.DayNumber - History.IssueDate.DayNumber);
    }

    /// <summary>Returns whether the invoice has an issue, credit note or void dated from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public bool HasSalesBetween(DateOnly first, DateOnly last) =>
        SalesEntries().Any(sale => sale.Date >= first && sale.Date <= last);

    /// <summary>Returns the issued amount less payments and credit notes dated on or before <paramref name="date"/>, plus reversals; may be negative.</summary>
    private decimal BalanceAt(DateOnly date)
    {
        var balance = History.IssuedAmount;
        foreach (var entry in moneyEntries)
        {
            if (entry.Date > date)
            {
                break;
            }

            balance += entry.Kind == InvoiceEntryKind.PaymentReversal ? entry.Amount : -entry.Amount;
        }

        return balance;
    }

    private static bool IsMoney(InvoiceEntryKind kind) =>
        kind is InvoiceEntryKind.Payment or InvoiceEntryKind.PaymentReversal or InvoiceEntryKind.CreditNote;
}
