using FastEndpoints;
using FluentValidation;
using TermSync.Api.Features.Vendors.Metrics;

namespace TermSync.Api.Features.Metrics.Series;

/// <summary>The checks of a series query string; each message names the field's value and the fix.</summary>
public abstract class SeriesValidator<TRequest> : Validator<TRequest>
    where TRequest : ISeriesRequest
{
    protected SeriesValidator()
    {
        RuleFor(request => request.From)
            .NotNull()
            .WithMessage("The from date is missing; send the first date of the series as from=YYYY-MM-DD.");
        RuleFor(request => request.To)
            .NotNull()
            .WithMessage("The to date is missing; send the last date of the series as to=YYYY-MM-DD.");
        RuleFor(request => request.Interval)
            .Must(SeriesDates.IsInterval)
            .WithMessage("The interval '{PropertyValue}' is invalid; send interval=daily or interval=monthly.");
        RuleFor(request => request.WindowDays)
            .InclusiveBetween(1, MetricsRequest.MaxWindowDays)
            .WithMessage($"The window of {{PropertyValue}} days is out of range; send windowDays from 1 to {MetricsRequest.MaxWindowDays}, or omit it for {MetricsRequest.DefaultWindowDays}.");
        RuleFor(request => request.Format)
            .Must(format => format is null || SeriesRunner.IsFormat(format, "json") || SeriesRunner.IsFormat(format, "csv"))
            .WithMessage("The format '{PropertyValue}' is invalid; send format=json or format=csv, or omit it for JSON.");

        RuleFor(request => request.From)
            .Must((request, from) => from!.Value <= request.To!.Value)
            .When(request => request.From is not null && request.To is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(request => $"The from date {request.From:yyyy-MM-dd} is after the to date {request.To:yyyy-MM-dd}; send a from on or before to.")
            .Must((request, from) => from!.Value.DayNumber + 1 >= (request.WindowDays ?? MetricsRequest.DefaultWindowDays))
            .When(request => request.From is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(request => $"A window of {request.WindowDays ?? MetricsRequest.DefaultWindowDays} days ending {request.From:yyyy-MM-dd} would start before 0001-01-01; send a later from or a smaller windowDays.");
        RuleFor(request => request.To)
            .Must(to => to!.Value < DateOnly.MaxValue)
            .When(request => request.To is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("The to date 9999-12-31 is the last date there is, so the end of that day cannot be computed; send 9999-12-30 or earlier.")
            .Must((request, to) => SeriesDates.Count(request.From!.Value, to!.Value, request.Interval!) <= SeriesDates.MaxPoints(request.Interval!))
            .When(request => request.From is not null && request.To is not null && request.From <= request.To && SeriesDates.IsInterval(request.Interval), ApplyConditionTo.CurrentValidator)
            .WithMessage(request =>
                $"A {request.Interval!.ToLowerInvariant()} series from {request.From:yyyy-MM-dd} to {request.To:yyyy-MM-dd} has " +
                $"{SeriesDates.Count(request.From!.Value, request.To!.Value, request.Interval)} points, more than the maximum of " +
                $"{SeriesDates.MaxPoints(request.Interval)}; send a shorter range, or interval=monthly for a long one.");
    }
}
