using FastEndpoints;
using FluentValidation;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Conversations.List;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => request.Status)
            .Must(status => status is null or "open" or "all")
            .WithMessage("The status '{PropertyValue}' is not valid; send \"open\" or \"all\".");
        RuleFor(request => request.Limit)
            .InclusiveBetween(1, 1000).When(request => request.Limit is not null)
            .WithMessage("The limit {PropertyValue} is out of range; send 1 to 1000.");
    }
}
