using FastEndpoints;
using FluentValidation;

namespace TermSync.Api.Features.AnalystKeys.Issue;

public sealed class Validator : Validator<Request>
{
    /// <summary>Maximum length of a label, in characters.</summary>
    public const int MaxLabelLength = 100;

    public Validator()
    {
        RuleFor(request => request.Label)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("The label is missing; send the person or tool that will use the key, such as \"Finance BI dashboard\".")
            .MaximumLength(MaxLabelLength).WithMessage($"The label is {{TotalLength}} characters long; use at most {MaxLabelLength}.")
            .Must(label => label!.Trim().Length == label.Length && !label.Any(char.IsControl))
            .WithMessage("The label '{PropertyValue}' has surrounding spaces or control characters; send plain text on one line.");
    }
}
