using System.Globalization;
using TermSync.Invoices;
using TermSync.Money;

namespace TermSync.Grains.Invoices;

/// <summary>Checks of drafts and amendments that need no I/O; each returns the reason for a rejection, or null.</summary>
internal static class InvoiceRules
{
    public static string? ValidateDraft(InvoiceDraft draft)
    {
        if (!Currencies.IsKnown(draft.Currency))
        {
            return $"Unknown currency code '{draft.Currency}'.";
        }

        if (draft.Amount <= 0 || draft.Amount > Currencies.MaxAmount || !Currencies.FitsMinorUnits(draft.Currency, draft.Amount))
        {
            return $"The amount {Format(draft.Amount)} must be positive with at most {Currencies.GetMinorUnitDigits(draft.Currency)} decimals for {draft.Currency}.";
        }

        if (draft.Terms?.Validate() is { } invalidTerms)
        {
            return invalidTerms;
        }

        return draft.DueDate < draft.IssueDate
            ? $"The due date {draft.DueDate:yyyy-MM-dd} is before the issue date {draft.IssueDate:yyyy-MM-dd}."
            : null;
    }

    public static string? CheckAmendment(InvoiceState invoice, InvoiceDraft draft)
    {
        var previous = invoice.Draft!;
        if (invoice.VoidedOn is not null)
        {
            return "The invoice is void and cannot be amended; issue a new invoice number.";
        }

        var settled = invoice.PaidAmount + invoice.CreditedAmount + invoice.WrittenOffAmount;
        if (draft.Amount < settled)
        {
            return $"The amount {Format(draft.Amount)} is below the {Format(settled)} already paid, credited and written off; send an amount of at least {Format(settled)}.";
        }

        if (previous.Currency != draft.Currency && settled > 0)
        {
            return $"The currency cannot change from {previous.Currency} to {draft.Currency} after a payment, credit or write-off.";
        }

        return previous.AccountNumber != draft.AccountNumber && settled > 0
            ? $"The invoice cannot move from account '{previous.AccountNumber}' to '{draft.AccountNumber}' after a payment, credit or write-off."
            : null;
    }

    private static string Format(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}
