using System.Globalization;
using FastEndpoints;
using FluentValidation;
using TermSync.Digests;

namespace TermSync.Api.Features.Digests.SetPreferences;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.Frequency)
            .IsInEnum()
            .WithMessage("'{PropertyValue}' is not a digest frequency; send weekly, twiceWeekly, monthly or unsubscribed.");
        RuleFor(request => request.Weekday)
            .IsInEnum()
            .WithMessage("'{PropertyValue}' is not a day of the week; send a day such as monday.");
        RuleFor(request => request.SecondWeekday)
            .IsInEnum()
            .WithMessage("'{PropertyValue}' is not a day of the week; send a day such as thursday.");
        RuleFor(request => request.DayOfMonth)
            .InclusiveBetween(1, 28)
            .WithMessage("The day of month {PropertyValue} is out of range; send 1 to 28, so that every month has the day.");
        RuleFor(request => request.LocalTime)
            .Must(time => time is null || TimeOnly.TryParseExact(time, Request.LocalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .WithMessage("'{PropertyValue}' is not a time of day; send 24-hour HH:mm, such as 08:00.");
        RuleFor(request => request.TimeZone)
            .Must(zone => zone is null || TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            .WithMessage("'{PropertyValue}' is not a known IANA time zone; send a zone such as America/New_York, or omit it to use the customer's.");
        RuleFor(request => request.DueSoonDays)
            .InclusiveBetween(0, 30)
            .WithMessage("The due-soon days {PropertyValue} are out of range; send 1 to 30, or 0 to turn the due-soon digest off.");
        RuleFor(request => request.SecondWeekday)
            .Must((request, day) => (day ?? DigestPreferences.Default.SecondWeekday) != (request.Weekday ?? DigestPreferences.Default.Weekday))
            .When(request => request.Frequency == DigestFrequency.TwiceWeekly)
            .WithMessage("A twice-weekly digest needs two different days; send a secondWeekday other than the weekday.");
    }
}
