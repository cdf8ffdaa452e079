using FastEndpoints;
using FluentValidation;

namespace TermSync.Api.Features.Vendors.SetResponseSettings;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.BusinessHours)
            .NotNull()
            .WithMessage("The business hours are missing; send a list such as [{\"day\": \"monday\", \"opens\": \"09:00\", \"closes\": \"17:00\"}], or [] for none.");

        RuleForEach(request => request.BusinessHours).ChildRules(hours =>
        {
            hours.RuleFor(entry => entry.Day)
                .Must(day => ResponseSettingsBody.ParseDay(day) is not null)
                .WithMessage("'{PropertyValue}' is not a day of the week; send a lower-case day such as monday.");
            hours.RuleFor(entry => entry.Opens)
                .Must(time => ResponseSettingsBody.ParseTime(time) is not null)
                .WithMessage("'{PropertyValue}' is not a time of day; send 24-hour HH:mm, such as 09:00.");
            hours.RuleFor(entry => entry.Closes)
                .Must(time => ResponseSettingsBody.ParseTime(time) is not null)
                .WithMessage("'{PropertyValue}' is not a time of day; send 24-hour HH:mm, such as 17:00.");
            hours.RuleFor(entry => entry.Closes)
                .Must((entry, closes) => ResponseSettingsBody.ParseTime(closes) > ResponseSettingsBody.ParseTime(entry.Opens))
                .When(entry => ResponseSettingsBody.ParseTime(entry.Opens) is not null && ResponseSettingsBody.ParseTime(entry.Closes) is not null)
                .WithMessage(entry => $"The closing time '{entry.Closes}' is not after the opening time '{entry.Opens}' on {entry.Day}; send a closing time later the same day.");
        });

        RuleForEach(request => request.BusinessHours)
            .Must((request, hours, context) => IsFirstEntryOf(request, hours))
            .When(request => request.BusinessHours is not null)
            .WithMessage((request, hours) => $"'{hours.Day}' appears more than once; send at most one entry per weekday.");

        RuleForEach(request => request.Holidays)
            .Must(date => ResponseSettingsBody.ParseDate(date) is not null)
            .WithMessage("'{PropertyValue}' is not a calendar date; send a date that exists, as YYYY-MM-DD.");

        RuleFor(request => request.FirstResponseSlaHours)
            .Cascade(CascadeMode.Stop)
            .GreaterThan(0m)
            .WithMessage("The service level {PropertyValue} is not positive; send the business hours within which the first reply is due, such as 8, or null for no service level.")
            .LessThanOrEqualTo(Request.MaxSlaHours)
            .WithMessage($"The service level {{PropertyValue}} exceeds the maximum of {Request.MaxSlaHours:0} business hours; send a smaller number, or null for no service level.")
            .Must(hours => hours is null || decimal.Round(hours.Value, 4) == hours)
            .WithMessage("The service level {PropertyValue} has more than 4 decimals; send it rounded to at most 4, for example 1.5 for 90 minutes.");

        RuleFor(request => request.FirstResponseSlaHours)
            .Null()
            .When(request => request.BusinessHours is { Count: 0 })
            .WithMessage("A service level of {PropertyValue} business hours can never be met without business hours; add businessHours or send firstResponseSlaHours as null.");
    }

    /// <summary>Whether <paramref name="hours"/> is the first entry naming its day, so only the repeats are reported.</summary>
    private static bool IsFirstEntryOf(Request request, BusinessHoursBody hours)
    {
        var day = ResponseSettingsBody.ParseDay(hours.Day);
        if (day is null)
        {
            return true;
        }

        var first = request.BusinessHours!.First(entry => ResponseSettingsBody.ParseDay(entry.Day) == day);
        return ReferenceEquals(first, hours);
    }
}
