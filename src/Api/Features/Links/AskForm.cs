using System.Globalization;
using TermSync.Api.Features.Conversations;
using TermSync.Conversations;
using TermSync.Grains.Digests;
using TermSync.Invoices;
using TermSync.Money;

namespace TermSync.Api.Features.Links;

/// <summary>
/// The fields of the ask page's form as the browser posted them, kept as text so the page can show them again.
/// <see cref="Nonce"/> becomes the conversation id, so posting the same form twice opens one conversation.
/// </summary>
internal sealed record AskForm(string Nonce, string? Kind, string? Reason, string? DisputedAmount, string? AuthorName, string? Text)
{
    /// <summary>The reasons of the form's select, by the value the browser posts, with the label the customer reads.</summary>
    public static readonly IReadOnlyList<(string Value, DisputeReason Reason, string Label)> Reasons =
    [
        ("pricing", DisputeReason.Pricing, "Pricing"),
        ("quantity", DisputeReason.Quantity, "Quantity"),
        ("damagedGoods", DisputeReason.DamagedGoods, "Damaged goods"),
        ("notReceived", DisputeReason.NotReceived, "Not received"),
        ("duplicateBilling", DisputeReason.DuplicateBilling, "Duplicate billing"),
        ("other", DisputeReason.Other, "Other"),
    ];

    /// <summary>Returns an empty form for a question.</summary>
    public static AskForm New() => new(NewNonce(), "question", null, null, null, null);

    /// <summary>Returns a new nonce: a random GUID, so the conversation id of another page view cannot be guessed.</summary>
    public static string NewNonce() => Guid.NewGuid().ToString("N");

    public static AskForm From(IFormCollection form) => new(
        form["nonce"].ToString(),
        form["kind"].ToString(),
        form["reason"].ToString(),
        form["disputedAmount"].ToString(),
        form["authorName"].ToString(),
        form["text"].ToString());

    public bool HasValidNonce => Guid.TryParseExact(Nonce, "N", out _);

    /// <summary>
    /// Checks every field against the invoice as it is now and returns the submission, or null with one message per
    /// field at fault. Each message names the field and the value.
    /// </summary>
    public AskSubmission? Check(InvoiceSnapshot invoice, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        if (!HasValidNonce)
        {
            problems.Add("The form is incomplete because its hidden form id is missing or not valid; send the form below again.");
        }

        ConversationKind? kind = Kind switch
        {
            "question" => ConversationKind.Question,
            "dispute" => ConversationKind.Dispute,
            _ => null,
        };
        if (kind is null)
        {
            problems.Add($"Question or dispute: '{Kind}' is neither; choose \"Ask a question\" or \"Dispute a charge\".");
        }

        DisputeReason? reason = null;
        if (kind == ConversationKind.Dispute)
        {
            var match = Reasons.FirstOrDefault(candidate => candidate.Value == Reason);
            if (match.Value is null)
            {
                problems.Add(string.IsNullOrEmpty(Reason)
                    ? "Dispute reason: no reason was chosen; choose the reason that fits best, or \"Other\"."
                    : $"Dispute reason: '{Reason}' is not one of the listed reasons; choose one from the list.");
            }
            else
            {
                reason = match.Reason;
            }
        }

        var amount = CheckDisputedAmount(kind, invoice, problems);
        var name = AuthorName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            problems.Add("Your name: it is missing; enter the name of the person writing.");
        }
        else if (name.Length > ConversationInputRules.MaxNameLength)
        {
            problems.Add($"Your name: {name.Length} characters is longer than the limit of {ConversationInputRules.MaxNameLength}; shorten it.");
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            problems.Add("Message: it is empty; write your question or what is wrong with the charge.");
        }
        else if (Text.Length > ConversationInputRules.MaxTextLength)
        {
            problems.Add($"Message: {Text.Length} characters is longer than the limit of {ConversationInputRules.MaxTextLength}; shorten it.");
        }

        errors = problems;
        return problems.Count > 0
            ? null
            : new AskSubmission(Nonce, kind, [new InvoiceInput(invoice.InvoiceNumber, amount)], reason, name, Text);
    }

    private decimal? CheckDisputedAmount(ConversationKind? kind, InvoiceSnapshot invoice, List<string> problems)
    {
        var text = DisputedAmount?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (kind == ConversationKind.Question)
        {
            problems.Add($"Disputed amount: a question holds no amount, so '{text}' is not allowed; leave it empty or choose \"Dispute a charge\".");
            return null;
        }

        // Only digits and one decimal point are accepted, because "12,50" means 12.50 in some languages and 1250 in others.
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            problems.Add($"Disputed amount: '{text}' is not an amount; write digits with a point before the cents, such as 12.50.");
            return null;
        }

        var format = DigestFormatter.For(invoice.Customer.Language);
        if (!Currencies.FitsMinorUnits(invoice.Currency, amount))
        {
            var digits = Currencies.GetMinorUnitDigits(invoice.Currency);
            problems.Add($"Disputed amount: '{text}' has more decimals than the {digits} of {invoice.Currency}; round it.");
        }
        else if (amount <= 0)
        {
            problems.Add($"Disputed amount: '{text}' is not above zero; enter the part you dispute, or leave it empty to dispute the whole open amount.");
        }
        else if (amount >= invoice.OpenAmount)
        {
            problems.Add($"Disputed amount: '{text}' is not below the open amount of {format.FormatAmount(invoice.OpenAmount, invoice.Currency)}; " +
                "enter a smaller amount, or leave it empty to dispute the whole open amount.");
        }

        return amount;
    }
}

/// <summary>A checked ask form, in the shape the conversation API sends, so it opens the conversation the same way.</summary>
internal sealed record AskSubmission(
    string? ConversationId,
    ConversationKind? Kind,
    List<InvoiceInput>? Invoices,
    DisputeReason? Reason,
    string? AuthorName,
    string? Text) : IOpeningInput;
