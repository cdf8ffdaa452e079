using FastEndpoints;
using FluentValidation;
using TermSync.Api.Features.Conversations;

namespace TermSync.Api.Features.Customers.Conversations.Withdraw;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.AuthorName).MustBeName();
        RuleFor(request => request.Text).MustBeMessageText().When(request => request.Text is not null);
    }
}
