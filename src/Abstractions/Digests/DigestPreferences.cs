namespace TermSync.Digests;

/// <summary>
/// A customer's digest schedule. Slots are local times in <see cref="TimeZone"/>, converted to an instant for
/// the date of each slot, so a 06:00 digest stays at 06:00 across a daylight-saving change.
/// </summary>
/// <param name="SecondWeekday">Second day of a twice-weekly schedule.</param>
/// <param name="DayOfMonth">Day of a monthly schedule, 1 to 28 so that every month has it.</param>
/// <param name="TimeZone">IANA time zone of the slots; null uses the customer's time zone from its invoices, then UTC.</param>
/// <param name="DueSoonDays">Days before a due date that an invoice triggers an extra digest; null turns the trigger off.</param>
/// <param name="PastDueReminder">Whether an invoice that becomes past due triggers an extra digest.</param>
[GenerateSerializer, Immutable, Alias("termsync.DigestPreferences")]
public sealed record DigestPreferences(
    [property: Id(0)] DigestFrequency Frequency,
    [property: Id(1)] DayOfWeek Weekday,
    [property: Id(2)] DayOfWeek SecondWeekday,
    [property: Id(3)] int DayOfMonth,
    [property: Id(4)] TimeOnly LocalTime,
    [property: Id(5)] string? TimeZone,
    [property: Id(6)] int? DueSoonDays,
    [property: Id(7)] bool PastDueReminder)
{
    /// <summary>Weekly on Monday at 08:00 in the customer's time zone, with due-soon (3 days) and past-due triggers.</summary>
    public static DigestPreferences Default { get; } = new(
        DigestFrequency.Weekly, DayOfWeek.Monday, DayOfWeek.Thursday, 1, new TimeOnly(8, 0), null, 3, true);
}
