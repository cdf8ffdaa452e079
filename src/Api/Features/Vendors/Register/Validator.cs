using FastEndpoints;
using FluentValidation;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Vendors.Register;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.Id).MustBeVendorId();
        RuleFor(request => request.Name)
            .NotEmpty().WithMessage("The vendor name is missing; send the name customers know the vendor by.")
            .MaximumLength(200).WithMessage("The vendor name is {TotalLength} characters long; use at most 200.");
        RuleFor(request => request.ContactEmail)
            .NotEmpty().WithMessage("The contact email is missing; send the mailbox that answers customers' questions.")
            .EmailAddress().WithMessage("'{PropertyValue}' is not an email address; send a mailbox such as ar@vendor.example.");
        RuleFor(request => request.TimeZone)
            .Must(zone => zone is null || TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            .WithMessage("'{PropertyValue}' is not a known IANA time zone; send a zone such as Europe/Berlin, or omit it for UTC.");
    }
}
