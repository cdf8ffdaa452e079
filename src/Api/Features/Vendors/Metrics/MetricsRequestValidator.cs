using FastEndpoints;
using FluentValidation;

namespace TermSync.Api.Features.Vendors.Metrics;

public sealed class MetricsRequestValidator : Validator<MetricsRequest>
{
    public MetricsRequestValidator() => this.AddWindowRules();
}

/// <summary>The checks of an as-of date and window, shared by the vendor and network metrics requests.</summary>
public static class MetricsWindowRules
{
    public static void AddWindowRules<T>(this Validator<T> validator)
        where T : IMetricsWindow
    {
        validator.RuleFor(request => request.WindowDays)
            .InclusiveBetween(1, MetricsRequest.MaxWindowDays)
            .WithMessage($"The window of {{PropertyValue}} days is out of range; send windowDays from 1 to {MetricsRequest.MaxWindowDays}, or omit it for {MetricsRequest.DefaultWindowDays}.");
        validator.RuleFor(request => request.AsOf)
            .Must((request, asOf) => asOf!.Value.DayNumber + 1 >= (request.WindowDays ?? MetricsRequest.DefaultWindowDays))
            .When(request => request.AsOf is not null)
            .WithMessage(request => $"A window of {request.WindowDays ?? MetricsRequest.DefaultWindowDays} days ending {request.AsOf:yyyy-MM-dd} would start before 0001-01-01; send a later asOf or a smaller windowDays.")
            .Must(asOf => asOf!.Value < DateOnly.MaxValue)
            .When(request => request.AsOf is not null)
            .WithMessage("The asOf date 9999-12-31 is the last date there is, so the end of that day cannot be computed; send 9999-12-30 or earlier.");
    }
}
