using System.Globalization;

namespace TermSync.Ingest;

/// <summary>Parses calendar dates written as YYYY-MM-DD.</summary>
internal static class CalendarDateText
{
    /// <summary>Message fragment that follows an invalid value.</summary>
    public const string InvalidReason = "is not a calendar date; write it as YYYY-MM-DD, such as 2025-03-31";

    /// <summary>Parses exactly four year digits, two month digits and two day digits of a real date.</summary>
    public static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
