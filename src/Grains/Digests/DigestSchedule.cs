namespace TermSync.Grains.Digests;

/// <summary>Computes the weekly send slots of the digest.</summary>
internal static class DigestSchedule
{
    /// <summary>Returns the first slot strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset NextSlot(DateTimeOffset after, DayOfWeek day, TimeOnly time)
    {
        var date = DateOnly.FromDateTime(after.UtcDateTime);
        var daysAhead = ((int)day - (int)date.DayOfWeek + 7) % 7;
        var slot = new DateTimeOffset(date.AddDays(daysAhead).ToDateTime(time), TimeSpan.Zero);
        return slot > after ? slot : slot.AddDays(7);
    }
}
