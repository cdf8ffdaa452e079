using FastEndpoints;
using FluentValidation;

namespace TermSync.Api.Features.Digests.RunCycle;

public sealed class Validator : Validator<Request>
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    public Validator()
    {
        RuleFor(request => request.AsOf)
            .Must(asOf => asOf is null || asOf.Value >= Earliest)
            .WithMessage("The date {PropertyValue} is before 2000-01-01; send the business date of the cycle as YYYY-MM-DD.")
            .Must(asOf => asOf is null || asOf.Value <= DateOnly.FromDateTime(Resolve<TimeProvider>().GetUtcNow().UtcDateTime).AddDays(1))
            .WithMessage("The date {PropertyValue} is in the future; send today or a past date, or omit asOf for each customer's today.");
    }
}
