using TermSync.Metrics;
using TermSync.Money;

namespace TermSync.Grains.Metrics;

/// <summary>
/// Checks an invoice history before metrics are computed from it, so that a bad history raises an error naming the
/// invoice, the value and the fix instead of skewing every figure.
/// </summary>
internal static class InvoiceHistoryRules
{
    /// <exception cref="ArgumentException">The history is not in <paramref name="currency"/> or breaks a rule of <see cref="InvoiceHistory"/>.</exception>
    public static void Validate(InvoiceHistory history, string currency)
    {
        ArgumentNullException.ThrowIfNull(history);
        var name = $"Invoice '{history.InvoiceNumber}' of vendor '{history.VendorId}'";

        if (!string.Equals(history.Currency, currency, StringComparison.Ordinal))
        {
            throw Invalid($"{name} is in {history.Currency}, not {currency}. Compute each currency apart, or group them with ComputeByCurrency.");
        }

        if (history.IssuedAmount <= 0m || !Currencies.FitsMinorUnits(currency, history.IssuedAmount))
        {
            throw Invalid($"{name} has an invalid issued amount {history.IssuedAmount}. Expected a positive amount with at most {Currencies.GetMinorUnitDigits(currency)} decimals.");
        }

        if (history.DueDate < history.IssueDate)
        {
            throw Invalid($"{name} is due on {history.DueDate:yyyy-MM-dd}, before its issue date {history.IssueDate:yyyy-MM-dd}. Send a due date on or after the issue date.");
        }

        ArgumentNullException.ThrowIfNull(history.Entries);
        foreach (var entry in history.Entries)
        {
            ValidateEntry(name, history, entry, currency);
        }

        ValidateClosing(name, history);
        ValidateReversals(name, history);
    }

    private static void ValidateEntry(string name, InvoiceHistory history, InvoiceEntry entry, string currency)
    {
        ArgumentNullException.ThrowIfNull(entry);

        if (entry.Date < history.IssueDate)
        {
            throw Invalid($"{name} has a {entry.Kind} dated {entry.Date:yyyy-MM-dd}, before its issue date {history.IssueDate:yyyy-MM-dd}. Date every entry on or after the issue date.");
        }

        var closing = entry.Kind is InvoiceEntryKind.WriteOff or InvoiceEntryKind.Void;
        if (closing && entry.Amount != 0m)
        {
            throw Invalid($"{name} has a {entry.Kind} with amount {entry.Amount}. Send 0, because the amount follows from the other entries.");
        }

        if (!closing && (entry.Amount <= 0m || !Currencies.FitsMinorUnits(currency, entry.Amount)))
        {
            throw Invalid($"{name} has a {entry.Kind} with the invalid amount {entry.Amount}. Expected a positive amount with at most {Currencies.GetMinorUnitDigits(currency)} decimals.");
        }
    }

    /// <summary>Allows at most one write-off or void, and a void only on an invoice with nothing paid or credited and no later entry.</summary>
    private static void ValidateClosing(string name, InvoiceHistory history)
    {
        var closings = history.Entries.Where(entry => entry.Kind is InvoiceEntryKind.WriteOff or InvoiceEntryKind.Void).ToList();
        if (closings.Count > 1)
        {
            throw Invalid($"{name} has {closings.Count} write-off and void entries. Send at most one of them.");
        }

        var voided = closings.SingleOrDefault(entry => entry.Kind == InvoiceEntryKind.Void);
        if (voided is null)
        {
            return;
        }

        if (history.Entries.Any(entry => entry.Date > voided.Date))
        {
            throw Invalid($"{name} has entries dated after its void on {voided.Date:yyyy-MM-dd}. A void invoice takes no further entries.");
        }

        var paid = history.Entries.Where(entry => entry.Kind == InvoiceEntryKind.Payment).Sum(entry => entry.Amount);
        var reversed = history.Entries.Where(entry => entry.Kind == InvoiceEntryKind.PaymentReversal).Sum(entry => entry.Amount);
        var credited = history.Entries.Where(entry => entry.Kind == InvoiceEntryKind.CreditNote).Sum(entry => entry.Amount);
        if (paid - reversed != 0m || credited != 0m)
        {
            throw Invalid($"{name} is void on {voided.Date:yyyy-MM-dd} with {paid - reversed} paid and {credited} credited. Only an invoice with nothing paid or credited can be void; issue a credit note instead.");
        }
    }

    /// <summary>Rejects a history in which the payments reversed by some date exceed the payments made by that date.</summary>
    private static void ValidateReversals(string name, InvoiceHistory history)
    {
        var paid = 0m;
        var reversed = 0m;
        foreach (var day in history.Entries.GroupBy(entry => entry.Date).OrderBy(group => group.Key))
        {
            paid += day.Where(entry => entry.Kind == InvoiceEntryKind.Payment).Sum(entry => entry.Amount);
            reversed += day.Where(entry => entry.Kind == InvoiceEntryKind.PaymentReversal).Sum(entry => entry.Amount);
            if (reversed > paid)
            {
                throw Invalid($"{name} has {reversed} of payments reversed by {day.Key:yyyy-MM-dd} but only {paid} paid by then. Date each reversal on or after its payment.");
            }
        }
    }

    private static ArgumentException Invalid(string message) => new(message, "histories");
}
