using TermSync.Vendors;

namespace TermSync.Grains.Vendors;

/// <summary>Checks, canonical order and value equality of <see cref="ResponseSettings"/>.</summary>
internal static class ResponseSettingsRules
{
    /// <summary>Throws <see cref="ArgumentException"/> for settings the business clock cannot use.</summary>
    public static void Validate(ResponseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        var repeated = settings.Hours.GroupBy(hours => hours.Day).FirstOrDefault(group => group.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"{repeated.Key} has {repeated.Count()} entries of business hours; send at most one per weekday.", nameof(settings));
        }

        var reversed = settings.Hours.FirstOrDefault(hours => hours.Closes <= hours.Opens);
        if (reversed is not null)
        {
            throw new ArgumentException($"{reversed.Day} closes at {reversed.Closes:HH:mm}, which is not after it opens at {reversed.Opens:HH:mm}; send a closing time after the opening time.", nameof(settings));
        }

        if (settings.FirstResponseSla is { } sla && sla <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The first-response service level {sla} is not positive; send a positive business time or none.", nameof(settings));
        }

        if (settings.FirstResponseSla is not null && settings.Hours.Count == 0)
        {
            throw new ArgumentException("A first-response service level needs business hours to run in; add hours or remove the service level.", nameof(settings));
        }
    }

    /// <summary>Returns the settings with hours in weekday order from Monday and holidays in date order without repeats.</summary>
    public static ResponseSettings Normalize(ResponseSettings settings) => new(
        [.. settings.Hours.OrderBy(hours => MondayFirst(hours.Day))],
        [.. settings.Holidays.Distinct().Order()],
        settings.FirstResponseSla);

    /// <summary>Compares the lists element by element, which record equality does not do for list members.</summary>
    public static bool AreEqual(ResponseSettings left, ResponseSettings right) =>
        left.Hours.SequenceEqual(right.Hours)
        && left.Holidays.SequenceEqual(right.Holidays)
        && left.FirstResponseSla == right.FirstResponseSla;

    private static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;
}
