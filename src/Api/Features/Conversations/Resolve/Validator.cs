using FastEndpoints;
using FluentValidation;
using TermSync.Api.Infrastructure;
using TermSync.Conversations;

namespace TermSync.Api.Features.Conversations.Resolve;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => request.Outcome)
            .NotNull().WithMessage("The outcome is missing; send answered, creditIssued, invoiceCorrected or disputeRejected.")
            .NotEqual(ResolutionOutcome.Withdrawn).WithMessage("Only the customer can withdraw; send answered, creditIssued, invoiceCorrected or disputeRejected.");
        RuleFor(request => request.AuthorName).MustBeName();
        RuleFor(request => request.Text).MustBeMessageText().When(request => request.Text is not null);
    }
}
