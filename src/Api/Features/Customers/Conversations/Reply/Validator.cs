using FastEndpoints;
using FluentValidation;
using TermSync.Api.Features.Conversations;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Customers.Conversations.Reply;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.MessageId)
            .Must(Identifiers.IsConversationId).When(request => request.MessageId is not null)
            .WithMessage("The message id '{PropertyValue}' is not valid; use 1 to 64 letters, digits, '.', '_' and '-', or leave it out.");
        RuleFor(request => request.AuthorName).MustBeName();
        RuleFor(request => request.Text).MustBeMessageText();
    }
}
