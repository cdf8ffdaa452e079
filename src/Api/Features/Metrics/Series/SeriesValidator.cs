using FastEndpoints;
using FluentValidation;
using TermSync.Api.Features.Vendors.Metrics;

namespace TermSync.Api.Features.Metrics.Series;

/// <summary>
/// The checks of a series query string that need no defaults; each message names the field's value and the fix.
/// <see cref="SeriesRange.Check"/> checks the range once its defaults are filled in.
/// </summary>
public abstract class SeriesValidator<TRequest> : Validator<TRequest>
    where TRequest : ISeriesRequest
{
    protected SeriesValidator()
    {
        RuleFor(request => request.Interval)
            .Must(SeriesDates.IsInterval)
            .When(request => request.Interval is not null)
            .WithMessage("The interval '{PropertyValue}' is invalid; send interval=daily or interval=monthly, or omit it for monthly.");
        RuleFor(request => request.WindowDays)
            .InclusiveBetween(1, MetricsRequest.MaxWindowDays)
            .WithMessage($"The window of {{PropertyValue}} days is out of range; send windowDays from 1 to {MetricsRequest.MaxWindowDays}, or omit it for {MetricsRequest.DefaultWindowDays}.");
        RuleFor(request => request.Format)
            .Must(format => SeriesRunner.IsFormat(format, "json") || SeriesRunner.IsFormat(format, "csv"))
            .When(request => request.Format is not null)
            .WithMessage("The format '{PropertyValue}' is invalid; send format=json or format=csv, or omit it for JSON.");
        RuleFor(request => request.To)
            .Must(to => to!.Value < DateOnly.MaxValue)
            .When(request => request.To is not null)
            .WithMessage("The to date 9999-12-31 is the last date there is, so the end of that day cannot be computed; send 9999-12-30 or earlier.");
    }
}
