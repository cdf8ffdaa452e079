namespace TermSync.Vendors;

/// <summary>Opening hours of one weekday, in the vendor's time zone; <see cref="Closes"/> is after <see cref="Opens"/>.</summary>
[GenerateSerializer, Immutable, Alias("termsync.BusinessHours")]
public sealed record BusinessHours(
    [property: Id(0)] DayOfWeek Day,
    [property: Id(1)] TimeOnly Opens,
    [property: Id(2)] TimeOnly Closes);

/// <summary>
/// How the network times a vendor's answers: business hours and holidays in the vendor profile's time zone, and the
/// service level for the first reply, in business time.
/// </summary>
/// <param name="Hours">At most one entry per weekday; a weekday without one is closed.</param>
/// <param name="Holidays">Dates on which the vendor is closed all day.</param>
/// <param name="FirstResponseSla">Business time within which the first reply is due, or null for no service level.</param>
[GenerateSerializer, Immutable, Alias("termsync.ResponseSettings")]
public sealed record ResponseSettings(
    [property: Id(0)] IReadOnlyList<BusinessHours> Hours,
    [property: Id(1)] IReadOnlyList<DateOnly> Holidays,
    [property: Id(2)] TimeSpan? FirstResponseSla)
{
    /// <summary>Monday to Friday 09:00 to 17:00, no holidays, first reply due within one business day (8 business hours).</summary>
    public static ResponseSettings Default { get; } = new(
        [
            .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .Select(day => new BusinessHours(day, new TimeOnly(9, 0), new TimeOnly(17, 0))),
        ],
        [],
        TimeSpan.FromHours(8));
}
