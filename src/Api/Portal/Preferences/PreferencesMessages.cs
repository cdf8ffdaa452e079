using TermSync.Digests;

namespace TermSync.Api.Portal.Preferences;

/// <summary>
/// Labels of the digest preferences form and its error messages. Each message starts with the field's label, as the
/// page shows it, and ends with the fix.
/// </summary>
public static class PreferencesMessages
{
    /// <summary>Returns the label of a field of <see cref="PreferencesForm"/>, by property name.</summary>
    public static string Label(string field) => field switch
    {
        nameof(PreferencesForm.Frequency) => "Frequency",
        nameof(PreferencesForm.Weekday) => "Weekday",
        nameof(PreferencesForm.SecondWeekday) => "Second weekday",
        nameof(PreferencesForm.DayOfMonth) => "Day of month",
        nameof(PreferencesForm.LocalTime) => "Time of day",
        nameof(PreferencesForm.TimeZone) => "Time zone",
        nameof(PreferencesForm.DueSoonDays) => "Days before the due date",
        _ => field,
    };

    /// <summary>Returns the name of a frequency as the form shows it.</summary>
    public static string Describe(DigestFrequency frequency) => frequency switch
    {
        DigestFrequency.Weekly => "Every week",
        DigestFrequency.TwiceWeekly => "Twice a week",
        DigestFrequency.Monthly => "Every month",
        _ => "Stopped",
    };

    /// <summary>Returns when scheduled digests go out, such as "Every week on Monday at 08:00".</summary>
    public static string Summarize(DigestPreferences preferences)
    {
        var time = preferences.LocalTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return preferences.Frequency switch
        {
            DigestFrequency.Weekly => $"Every week on {preferences.Weekday} at {time}",
            DigestFrequency.TwiceWeekly => $"Twice a week, on {preferences.Weekday} and {preferences.SecondWeekday}, at {time}",
            DigestFrequency.Monthly => $"Every month on day {preferences.DayOfMonth} at {time}",
            _ => "Stopped: no digest of any kind is sent",
        };
    }

    public static string Missing(string field) => $"{Label(field)} is missing; {Fix(field)}";

    public static string NotAChoice(string field, string value) => $"{Label(field)}: '{value}' is not one of the choices; {Fix(field)}";

    public static string NotAWholeNumber(string field, string value) => $"{Label(field)}: '{value}' is not a whole number; {Fix(field)}";

    public static string DayOfMonthOutOfRange(int? day) =>
        $"{Label(nameof(PreferencesForm.DayOfMonth))}: {day} is out of range; {Fix(nameof(PreferencesForm.DayOfMonth))}";

    public static string DueSoonDaysOutOfRange(int? days) =>
        $"{Label(nameof(PreferencesForm.DueSoonDays))}: {days} is out of range; {Fix(nameof(PreferencesForm.DueSoonDays))}";

    public static string NotATime(string? value) =>
        $"{Label(nameof(PreferencesForm.LocalTime))}: '{value}' is not a time of day; {Fix(nameof(PreferencesForm.LocalTime))}";

    public static string UnknownTimeZone(string? value) =>
        $"{Label(nameof(PreferencesForm.TimeZone))}: '{value}' is not a known IANA time zone; {Fix(nameof(PreferencesForm.TimeZone))}";

    public static string SameWeekdays(DayOfWeek? weekday) =>
        $"{Label(nameof(PreferencesForm.SecondWeekday))}: a twice-weekly digest needs two different days; choose a day other than {weekday}.";

    private static string Fix(string field) => field switch
    {
        nameof(PreferencesForm.Frequency) => "choose every week, twice a week or every month.",
        nameof(PreferencesForm.Weekday) or nameof(PreferencesForm.SecondWeekday) => "choose a day from Monday to Sunday.",
        nameof(PreferencesForm.DayOfMonth) => "type a day from 1 to 28, so that every month has it.",
        nameof(PreferencesForm.LocalTime) => "type a 24-hour time such as 08:00.",
        nameof(PreferencesForm.TimeZone) => "choose a zone from the list, such as Europe/Berlin, or leave the field empty to use the time zone of your invoices.",
        nameof(PreferencesForm.DueSoonDays) => "type 1 to 30 days, or 0 to turn the due-soon digest off.",
        _ => "correct the value.",
    };
}
