using TermSync.Digests;

namespace TermSync.Grains.Digests;

/// <summary>Rules over a customer's digest history: one record per key, a size limit, and the contact budget.</summary>
internal static class DigestHistory
{
    /// <summary>Replaces the record with the same key, or appends it and drops the oldest records over <paramref name="limit"/>.</summary>
    public static DigestRecord Upsert(this List<DigestRecord> history, DigestRecord record, int limit)
    {
        var index = history.FindIndex(existing => existing.Key == record.Key);
        if (index >= 0)
        {
            history[index] = record;
            return record;
        }

        history.Add(record);
        var excess = history.Count - Math.Max(1, limit);
        if (excess > 0)
        {
            history.RemoveRange(0, excess);
        }

        return record;
    }

    /// <summary>
    /// Returns whether one more digest on local date <paramref name="date"/> stays within the budget: fewer than
    /// <paramref name="maxPerDay"/> that day and fewer than <paramref name="maxPerWeek"/> in the 7 days ending on it.
    /// </summary>
    public static bool WithinBudget(this List<DigestRecord> history, DateOnly date, int maxPerDay, int maxPerWeek)
    {
        var contacts = history.Where(record => record.CountsAsContact).Select(record => record.LocalDate).ToList();
        return contacts.Count(day => day == date) < maxPerDay
            && contacts.Count(day => day > date.AddDays(-7) && day <= date) < maxPerWeek;
    }

    /// <summary>Returns the local date of the newest digest that reached or may have reached the customer.</summary>
    public static DateOnly? LastContactDate(this List<DigestRecord> history) =>
        history.Where(record => record.CountsAsContact).Select(record => (DateOnly?)record.LocalDate).Max();
}
