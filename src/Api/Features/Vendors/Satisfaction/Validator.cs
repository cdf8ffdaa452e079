using FastEndpoints;
using FluentValidation;
using TermSync.Surveys;

namespace TermSync.Api.Features.Vendors.Satisfaction;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.WindowDays)
            .InclusiveBetween(1, IVendorSurveysGrain.MaxWindowDays)
            .WithMessage($"The window of {{PropertyValue}} days is out of range; send 1 to {IVendorSurveysGrain.MaxWindowDays}, or omit windowDays for {Request.DefaultWindowDays}.");
    }
}
