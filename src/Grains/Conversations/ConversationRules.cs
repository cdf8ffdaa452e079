using TermSync.Conversations;
using TermSync.Invoices;
using TermSync.Money;

namespace TermSync.Grains.Conversations;

/// <summary>Checks of a new conversation against its invoices as the invoice grains have them now.</summary>
internal static class ConversationRules
{
    /// <summary>Maximum invoices one conversation can name.</summary>
    public const int MaxInvoices = 50;

    /// <summary>Returns the field and message of the first problem with the draft alone, or null when it has none.</summary>
    public static (string Field, string Error)? CheckDraft(ConversationDraft draft)
    {
        if (draft.Invoices.Count is 0 or > MaxInvoices)
        {
            return ("invoices", $"A conversation names 1 to {MaxInvoices} invoices, not {draft.Invoices.Count}.");
        }

        if (draft.Kind == ConversationKind.Question && draft.Reason is { } reason)
        {
            return ("reason", $"A question has no reason, so '{reason}' is not allowed; leave reason out, or open a dispute.");
        }

        if (draft.Kind == ConversationKind.Dispute && draft.Reason is null)
        {
            return ("reason", "A dispute needs a reason: pricing, quantity, damagedGoods, notReceived, duplicateBilling or other.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < draft.Invoices.Count; index++)
        {
            var invoice = draft.Invoices[index];
            if (!seen.Add(invoice.InvoiceNumber))
            {
                return ($"invoices[{index}].invoiceNumber", $"Invoice '{invoice.InvoiceNumber}' is named twice; name each invoice once.");
            }

            if (invoice.DisputedAmount is { } amount && draft.Kind == ConversationKind.Question)
            {
                return ($"invoices[{index}].disputedAmount", $"A question holds no amount, so disputedAmount {amount} is not allowed; open a dispute to hold an amount.");
            }
        }

        return null;
    }

    /// <summary>
    /// Returns the field and message of the first invoice that cannot be part of the conversation. Any conversation rejects
    /// an unknown invoice or one billed to another customer than the first. A dispute also rejects a closed invoice, one
    /// disputed elsewhere, a disputed amount not below the open amount, and one with more decimals than the invoice's currency has.
    /// </summary>
    public static (string Field, string Error)? CheckInvoices(string conversationId, ConversationDraft draft, IReadOnlyList<InvoiceSnapshot?> invoices)
    {
        var customerId = draft.CustomerId ?? invoices[0]?.Customer.Id;
        for (var index = 0; index < invoices.Count; index++)
        {
            var field = $"invoices[{index}].invoiceNumber";
            var number = draft.Invoices[index].InvoiceNumber;
            if (invoices[index] is not { } invoice || invoice.Customer.Id != customerId)
            {
                // An invoice of another customer reads like an unknown one, so a caller learns nothing about it.
                return (field, $"Invoice '{number}' was not found among the customer's invoices; check the number.");
            }

            if (draft.Kind != ConversationKind.Dispute)
            {
                continue;
            }

            if (!invoice.IsOpen)
            {
                return (field, $"Invoice '{number}' has nothing open to dispute; ask a question about it instead.");
            }

            if (invoice.DisputeConversationId is { } holder && holder != conversationId)
            {
                return (field, $"Invoice '{number}' is already disputed in conversation '{holder}'; reply there instead.");
            }

            if (draft.Invoices[index].DisputedAmount is not { } amount)
            {
                continue;
            }

            if (amount <= 0 || amount >= invoice.OpenAmount)
            {
                return ($"invoices[{index}].disputedAmount",
                    $"The disputed amount {amount} must be above 0 and below the open amount {invoice.OpenAmount}; leave it out to dispute the whole open amount.");
            }

            if (!Currencies.FitsMinorUnits(invoice.Currency, amount))
            {
                return ($"invoices[{index}].disputedAmount",
                    $"The disputed amount {amount} has more decimals than {invoice.Currency} allows ({Currencies.GetMinorUnitDigits(invoice.Currency)}); round it to the currency's minor unit.");
            }
        }

        return null;
    }

    /// <summary>Returns the field and message of the problem with a resolution, or null when the outcome suits the conversation.</summary>
    public static (string Field, string Error)? CheckResolution(ConversationView conversation, ResolutionDraft resolution)
    {
        if (resolution.By == Party.Customer && resolution.Outcome != ResolutionOutcome.Withdrawn)
        {
            return ("outcome", $"A customer can only withdraw, not resolve with '{resolution.Outcome}'.");
        }

        if (resolution.By == Party.Vendor && resolution.Outcome == ResolutionOutcome.Withdrawn)
        {
            return ("outcome", "Only the customer can withdraw; the vendor resolves with answered, creditIssued, invoiceCorrected or disputeRejected.");
        }

        if (conversation.Kind == ConversationKind.Question && resolution.Outcome == ResolutionOutcome.DisputeRejected)
        {
            return ("outcome", "A question is not a dispute, so it cannot be rejected; resolve it as answered.");
        }

        if (conversation.Kind == ConversationKind.Dispute && resolution.Outcome == ResolutionOutcome.Answered)
        {
            return ("outcome", "A dispute ends with creditIssued, invoiceCorrected or disputeRejected, not answered.");
        }

        var needsReference = resolution.Outcome is ResolutionOutcome.CreditIssued or ResolutionOutcome.InvoiceCorrected;
        if (needsReference && string.IsNullOrWhiteSpace(resolution.Reference))
        {
            return ("reference", resolution.Outcome == ResolutionOutcome.CreditIssued
                ? "A credit issued needs the credit note number in reference."
                : "An invoice corrected needs the amended invoice's number in reference.");
        }

        if (resolution.Outcome == ResolutionOutcome.InvoiceCorrected
            && !conversation.Invoices.Any(invoice => invoice.InvoiceNumber == resolution.Reference))
        {
            return ("reference", $"Invoice '{resolution.Reference}' is not one of the conversation's invoices; name the invoice you amended.");
        }

        return null;
    }
}
