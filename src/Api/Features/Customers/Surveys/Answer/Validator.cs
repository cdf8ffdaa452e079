using FastEndpoints;
using FluentValidation;
using TermSync.Surveys;

namespace TermSync.Api.Features.Customers.Surveys.Answer;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.SurveyId)
            .Must(SurveyRules.IsSurveyId)
            .WithMessage("'{PropertyValue}' is not a valid survey id; send the 32 lower-case hexadecimal digits that GET /customers/{customerId}/surveys returns.");
        RuleFor(request => request.Score)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .WithMessage($"The score is missing; send a whole number from {SurveyRules.MinScore} (very dissatisfied) to {SurveyRules.MaxScore} (very satisfied).")
            .InclusiveBetween(SurveyRules.MinScore, SurveyRules.MaxScore)
            .WithMessage($"The score {{PropertyValue}} is out of range; send a whole number from {SurveyRules.MinScore} (very dissatisfied) to {SurveyRules.MaxScore} (very satisfied).");
        RuleFor(request => request.Comment)
            .Must(comment => SurveyRules.CheckComment(comment) is null)
            .WithMessage(request => SurveyRules.CheckComment(request.Comment)!);
    }
}
