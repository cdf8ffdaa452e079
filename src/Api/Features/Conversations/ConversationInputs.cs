using FastEndpoints;
using FluentValidation;
using TermSync.Api.Infrastructure;
using TermSync.Conversations;

namespace TermSync.Api.Features.Conversations;

/// <summary>An invoice a new conversation is about.</summary>
/// <param name="DisputedAmount">For a dispute, the part held back while it is open; leave it out to hold the whole open amount.</param>
public sealed record InvoiceInput(string? InvoiceNumber, decimal? DisputedAmount);

/// <summary>The fields every new conversation sends, whoever opens it.</summary>
public interface IOpeningInput
{
    string? ConversationId { get; }

    ConversationKind? Kind { get; }

    List<InvoiceInput>? Invoices { get; }

    DisputeReason? Reason { get; }

    string? AuthorName { get; }

    string? Text { get; }
}

/// <summary>Limits and checks shared by the conversation requests.</summary>
public static class ConversationInputRules
{
    public const int MaxTextLength = 5000;

    public const int MaxNameLength = 200;

    /// <summary>Returns the request's conversation id, or a new one when it sent none.</summary>
    public static string ConversationIdOf(IOpeningInput input) => input.ConversationId ?? $"c{Guid.CreateVersion7():N}";

    /// <summary>Returns the draft of the opening message.</summary>
    public static ConversationDraft Draft(IOpeningInput input, string conversationId, bool recordedByStaff, DateTimeOffset? raisedAt, string? customerId) => new(
        input.Kind!.Value,
        [.. input.Invoices!.Select(invoice => new ConversationInvoice(invoice.InvoiceNumber!, invoice.DisputedAmount))],
        input.Reason,
        $"{conversationId}-opening",
        input.AuthorName!.Trim(),
        input.Text!,
        recordedByStaff,
        raisedAt,
        customerId);

    /// <summary>Adds the rules of the opening fields to a validator.</summary>
    public static void AddOpeningRules<T>(this Validator<T> validator)
        where T : IOpeningInput
    {
        validator.RuleFor(request => request.ConversationId)
            .Must(Identifiers.IsConversationId).When(request => request.ConversationId is not null)
            .WithMessage("The conversation id '{PropertyValue}' is not valid; use 1 to 64 letters, digits, '.', '_' and '-', starting with a letter or digit, or leave it out.");
        validator.RuleFor(request => request.Kind)
            .NotNull().WithMessage("The kind is missing; send \"question\" or \"dispute\".");
        validator.RuleFor(request => request.Invoices)
            .NotEmpty().WithMessage("The invoices are missing; name at least one invoice of the vendor.")
            .Must(invoices => invoices!.Count <= 50).When(request => request.Invoices is not null)
            .WithMessage(request => $"A conversation names at most 50 invoices, not {request.Invoices!.Count}; open several conversations.");
        validator.RuleForEach(request => request.Invoices).ChildRules(invoice =>
        {
            invoice.RuleFor(item => item.InvoiceNumber).MustBeInvoiceNumber();
            invoice.RuleFor(item => item.DisputedAmount)
                .GreaterThan(0m).When(item => item.DisputedAmount is not null)
                .WithMessage("The disputed amount {PropertyValue} must be greater than zero; leave it out to dispute the whole open amount.");
        });
        validator.RuleFor(request => request.Reason)
            .NotNull().When(request => request.Kind == ConversationKind.Dispute)
            .WithMessage("A dispute needs a reason: pricing, quantity, damagedGoods, notReceived, duplicateBilling or other.");
        validator.RuleFor(request => request.AuthorName).MustBeName();
        validator.RuleFor(request => request.Text).MustBeMessageText();
    }

    public static IRuleBuilderOptions<T, string?> MustBeName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength)
            .WithMessage($"The author name '{{PropertyValue}}' is missing or longer than {MaxNameLength} characters; send the name of the person writing.");

    public static IRuleBuilderOptions<T, string?> MustBeMessageText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => !string.IsNullOrWhiteSpace(text) && text.Length <= MaxTextLength)
            .WithMessage($"The message text is missing or longer than {MaxTextLength} characters; send 1 to {MaxTextLength} characters.");
}
