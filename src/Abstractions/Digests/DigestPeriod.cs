using System.Globalization;

namespace TermSync.Digests;

/// <summary>Digest periods: one ISO 8601 week, so at most one digest per customer and week.</summary>
public static class DigestPeriod
{
    /// <summary>Returns the ISO week that contains <paramref name="date"/>, for example "2013-W26".</summary>
    public static string Of(DateOnly date)
    {
        var dateTime = date.ToDateTime(TimeOnly.MinValue);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(dateTime):D4}-W{ISOWeek.GetWeekOfYear(dateTime):D2}");
    }

    /// <summary>Builds the id of a customer's digest for a period.</summary>
    public static string DigestId(string customerId, string period) => $"{customerId}:{period}";
}
