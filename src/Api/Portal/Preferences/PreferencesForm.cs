using System.Globalization;
using FluentValidation.Results;
using TermSync.Digests;
using SetPreferences = TermSync.Api.Features.Digests.SetPreferences;

namespace TermSync.Api.Portal.Preferences;

/// <summary>
/// The digest preferences form as posted. It turns the text fields into the API's set-preferences request, runs the
/// API's validator on it, and keys each error by the field it belongs to, so the page shows it next to that field.
/// </summary>
public sealed class PreferencesForm
{
    /// <summary>The frequencies the form offers; stopping digests has a form of its own.</summary>
    public static readonly DigestFrequency[] Frequencies = [DigestFrequency.Weekly, DigestFrequency.TwiceWeekly, DigestFrequency.Monthly];

    /// <summary>Days of the week in the order the form lists them, Monday first.</summary>
    public static readonly DayOfWeek[] Weekdays =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    private static readonly string[] FieldNames =
    [
        nameof(Frequency), nameof(Weekday), nameof(SecondWeekday), nameof(DayOfMonth), nameof(LocalTime), nameof(TimeZone), nameof(DueSoonDays),
    ];

    public string? Frequency { get; set; }

    public string? Weekday { get; set; }

    public string? SecondWeekday { get; set; }

    public string? DayOfMonth { get; set; }

    /// <summary>24-hour HH:mm, as an input of type time posts it.</summary>
    public string? LocalTime { get; set; }

    /// <summary>An IANA time zone, or empty to use the customer's time zone.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Days before a due date; 0 turns the due-soon digest off.</summary>
    public string? DueSoonDays { get; set; }

    public bool PastDueReminder { get; set; }

    /// <summary>Returns the form filled with <paramref name="preferences"/>; for an unsubscribed customer, weekly is preselected.</summary>
    public static PreferencesForm From(DigestPreferences preferences) => new()
    {
        Frequency = (preferences.Frequency == DigestFrequency.Unsubscribed ? DigestFrequency.Weekly : preferences.Frequency).ToString(),
        Weekday = preferences.Weekday.ToString(),
        SecondWeekday = preferences.SecondWeekday.ToString(),
        DayOfMonth = preferences.DayOfMonth.ToString(CultureInfo.InvariantCulture),
        LocalTime = preferences.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        TimeZone = preferences.TimeZone,
        DueSoonDays = (preferences.DueSoonDays ?? 0).ToString(CultureInfo.InvariantCulture),
        PastDueReminder = preferences.PastDueReminder,
    };

    /// <summary>
    /// Builds the request of <c>PUT /customers/{customerId}/digest-preferences</c> and validates it with that route's
    /// validator. Returns the request, or null and at least one error keyed by the property name of the field.
    /// </summary>
    public SetPreferences.Request? ToRequest(string customerId, out IReadOnlyDictionary<string, string> errors)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var frequency = ParseName(nameof(Frequency), Frequency, Frequencies, found);
        var weekday = ParseName(nameof(Weekday), Weekday, Weekdays, found);
        var secondWeekday = ParseName(nameof(SecondWeekday), SecondWeekday, Weekdays, found);
        var dayOfMonth = ParseWholeNumber(nameof(DayOfMonth), DayOfMonth, found);
        var dueSoonDays = ParseWholeNumber(nameof(DueSoonDays), DueSoonDays, found);
        if (string.IsNullOrWhiteSpace(LocalTime))
        {
            found[nameof(LocalTime)] = PreferencesMessages.Missing(nameof(LocalTime));
        }

        var request = new SetPreferences.Request(
            customerId,
            frequency,
            weekday,
            secondWeekday,
            dayOfMonth,
            string.IsNullOrWhiteSpace(LocalTime) ? null : LocalTime.Trim(),
            string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim(),
            dueSoonDays,
            PastDueReminder);

        // Fields that could not be read are null in the request, so the validator passes them and adds no second error.
        foreach (var failure in new SetPreferences.Validator().Validate(request).Errors)
        {
            var field = FieldOf(failure);
            found.TryAdd(field, Describe(field, failure, request));
        }

        errors = found;
        return found.Count == 0 ? request : null;
    }

    /// <summary>
    /// Returns the choice named <paramref name="value"/>, ignoring case. Only names match, because Enum.TryParse would
    /// also read "3" or "Monday, Tuesday" as a member.
    /// </summary>
    private static TEnum? ParseName<TEnum>(string field, string? value, TEnum[] choices, Dictionary<string, string> errors)
        where TEnum : struct, Enum
    {
        var name = value?.Trim() ?? "";
        foreach (var choice in choices)
        {
            if (string.Equals(choice.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        errors[field] = name.Length == 0 ? PreferencesMessages.Missing(field) : PreferencesMessages.NotAChoice(field, name);
        return null;
    }

    private static int? ParseWholeNumber(string field, string? value, Dictionary<string, string> errors)
    {
        var text = value?.Trim() ?? "";
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors[field] = text.Length == 0 ? PreferencesMessages.Missing(field) : PreferencesMessages.NotAWholeNumber(field, text);
        return null;
    }

    /// <summary>
    /// Returns the form's property name of a failure. In the API host, validators report camel-case names such as
    /// "dueSoonDays", as JSON bodies spell them, so names compare ignoring case.
    /// </summary>
    private static string FieldOf(ValidationFailure failure) =>
        FieldNames.FirstOrDefault(name => string.Equals(name, failure.PropertyName, StringComparison.OrdinalIgnoreCase)) ?? failure.PropertyName;

    private static string Describe(string field, ValidationFailure failure, SetPreferences.Request request) =>
        (field, failure.ErrorCode) switch
        {
            (nameof(DayOfMonth), _) => PreferencesMessages.DayOfMonthOutOfRange(request.DayOfMonth),
            (nameof(DueSoonDays), _) => PreferencesMessages.DueSoonDaysOutOfRange(request.DueSoonDays),
            (nameof(LocalTime), _) => PreferencesMessages.NotATime(request.LocalTime),
            (nameof(TimeZone), _) => PreferencesMessages.UnknownTimeZone(request.TimeZone),
            (nameof(SecondWeekday), "PredicateValidator") => PreferencesMessages.SameWeekdays(request.Weekday),
            _ => failure.ErrorMessage,
        };
}
