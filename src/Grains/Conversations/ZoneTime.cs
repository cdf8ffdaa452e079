namespace TermSync.Grains.Conversations;

/// <summary>Conversion of wall-clock times in a time zone to instants, defined for every local time.</summary>
internal static class ZoneTime
{
    /// <summary>The widest UTC offset any time zone uses is 14 hours (Pacific/Kiritimati).</summary>
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    /// <summary>
    /// Returns the earliest instant at which the wall clock of <paramref name="zone"/> reads <paramref name="local"/> or later.
    /// A valid local time maps to its only instant, an ambiguous one to its first occurrence (the larger offset), and
    /// one skipped by a forward clock change to the instant of that change.
    /// </summary>
    public static DateTimeOffset ToInstant(TimeZoneInfo zone, DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        if (!zone.IsInvalidTime(local))
        {
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        return ForwardChangeAfter(zone, local);
    }

    /// <summary>
    /// Finds, by binary search over ticks, the first instant whose wall-clock time is later than the skipped
    /// <paramref name="local"/>. Before the change the wall clock reads earlier than <paramref name="local"/> and after it
    /// later, because a skipped time is never shown.
    /// </summary>
    private static DateTimeOffset ForwardChangeAfter(TimeZoneInfo zone, DateTime local)
    {
        var localTicks = local.Ticks;
        var low = localTicks - MaxOffset.Ticks;
        var high = localTicks + MaxOffset.Ticks;

        // Invariant: the wall clock at UTC ticks `low` reads before `local`, and at `high` after it.
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (WallTicks(zone, middle) > localTicks)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return new DateTimeOffset(new DateTime(high, DateTimeKind.Utc)).ToOffset(zone.GetUtcOffset(new DateTime(high, DateTimeKind.Utc)));
    }

    private static long WallTicks(TimeZoneInfo zone, long utcTicks) =>
        utcTicks + zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
}
