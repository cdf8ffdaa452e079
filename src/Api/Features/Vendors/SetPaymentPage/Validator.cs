using FastEndpoints;
using FluentValidation;
using TermSync.Vendors;

namespace TermSync.Api.Features.Vendors.SetPaymentPage;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.UrlTemplate)
            .Must(template => PaymentPageTemplate.Validate(template) is null)
            .When(request => request.UrlTemplate is not null)
            .WithMessage((_, template) => PaymentPageTemplate.Validate(template)!);
    }
}
