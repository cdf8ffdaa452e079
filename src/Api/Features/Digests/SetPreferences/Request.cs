using TermSync.Digests;

namespace TermSync.Api.Features.Digests.SetPreferences;

/// <summary>A customer's digest schedule; omitted fields take their defaults.</summary>
/// <param name="Frequency">weekly (default), twiceWeekly, monthly or unsubscribed.</param>
/// <param name="Weekday">Day of the weekly digest and first day of a twice-weekly one; monday by default.</param>
/// <param name="SecondWeekday">Second day of a twice-weekly digest; thursday by default.</param>
/// <param name="DayOfMonth">Day of a monthly digest, 1 to 28; 1 by default.</param>
/// <param name="LocalTime">Local time of day of every digest as HH:mm (or HH:mm:ss, as reads return it); 08:00 by default.</param>
/// <param name="TimeZone">IANA time zone of the schedule; the customer's time zone from its invoices, then UTC, when omitted.</param>
/// <param name="DueSoonDays">Days before a due date that an invoice triggers an extra digest, 1 to 30; 3 by default, 0 turns it off.</param>
/// <param name="PastDueReminder">Whether an invoice becoming past due triggers an extra digest; true by default.</param>
public sealed record Request(
    string CustomerId,
    DigestFrequency? Frequency,
    DayOfWeek? Weekday,
    DayOfWeek? SecondWeekday,
    int? DayOfMonth,
    string? LocalTime,
    string? TimeZone,
    int? DueSoonDays,
    bool? PastDueReminder)
{
    /// <summary>Accepted forms of <see cref="LocalTime"/>.</summary>
    public static readonly string[] LocalTimeFormats = ["HH:mm", "HH:mm:ss"];

    /// <summary>Builds the preferences, filling omitted fields with the defaults.</summary>
    public DigestPreferences ToPreferences()
    {
        var defaults = DigestPreferences.Default;
        return new DigestPreferences(
            Frequency ?? defaults.Frequency,
            Weekday ?? defaults.Weekday,
            SecondWeekday ?? defaults.SecondWeekday,
            DayOfMonth ?? defaults.DayOfMonth,
            LocalTime is null ? defaults.LocalTime : TimeOnly.ParseExact(LocalTime, LocalTimeFormats, System.Globalization.CultureInfo.InvariantCulture),
            TimeZone,
            DueSoonDays switch { null => defaults.DueSoonDays, 0 => null, var days => days },
            PastDueReminder ?? defaults.PastDueReminder);
    }
}
