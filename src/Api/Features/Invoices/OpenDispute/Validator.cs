using FastEndpoints;
using FluentValidation;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Invoices.OpenDispute;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => request.OpenedOn).MustBeDate("dispute date");
        RuleFor(request => request.Reason)
            .Must(reason => reason is not null && Request.Reasons.Contains(reason))
            .WithMessage($"'{{PropertyValue}}' is not a dispute reason; use one of {string.Join(", ", Request.Reasons)}.");
        RuleFor(request => request.Message)
            .MaximumLength(4000).WithMessage("The message is {TotalLength} characters long; use at most 4000.");
    }
}
