using System.Collections.Frozen;
using System.Globalization;
using TermSync.Money;

namespace TermSync.Grains.Digests;

/// <summary>
/// Formats amounts and dates in a customer's language. Dates take the culture's long date pattern. Amounts take
/// the culture's group and decimal separators, exactly the currency's minor-unit digits and the ISO code, for
/// example "1.234,56 EUR" in German, "1,234.56 USD" in English and "1,200 JPY".
/// </summary>
public sealed class DigestFormatter
{
    /// <summary>The language used for a tag that names no predefined culture.</summary>
    public const string FallbackLanguage = "en";

    private static readonly FrozenSet<string> PredefinedCultures = CultureInfo.GetCultures(CultureTypes.AllCultures)
        .Select(culture => culture.Name)
        .Where(name => name.Length > 0)
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private DigestFormatter(CultureInfo culture) => Culture = culture;

    /// <summary>The culture whose separators and date pattern are used.</summary>
    public CultureInfo Culture { get; }

    /// <summary>
    /// Returns the formatter of an IETF language tag such as "de" or "de-CH". A tag that names no predefined culture
    /// falls back to its language ("de" for "de-XX"), then to English. Only predefined cultures are used, never one
    /// that .NET would make up for an unknown tag.
    /// </summary>
    public static DigestFormatter For(string? language)
    {
        var tag = language?.Trim().Replace('_', '-') ?? "";
        var primary = tag.Split('-')[0];
        foreach (var candidate in new[] { tag, primary, FallbackLanguage })
        {
            if (PredefinedCultures.Contains(candidate))
            {
                return new DigestFormatter(CultureInfo.GetCultureInfo(candidate, predefinedOnly: true));
            }
        }

        // Only a process running in invariant globalization mode has no predefined cultures.
        return new DigestFormatter(CultureInfo.InvariantCulture);
    }

    /// <summary>Formats an amount in major units with the currency's minor-unit digits, followed by its ISO 4217 code.</summary>
    /// <exception cref="ArgumentException">The currency is not one of <see cref="Currencies.Codes"/>.</exception>
    public string FormatAmount(decimal amount, string currency) =>
        $"{amount.ToString($"N{Currencies.GetMinorUnitDigits(currency)}", Culture)} {currency}";

    /// <summary>Formats a date with the culture's long date pattern, for example "Friday, March 1, 2013" in English.</summary>
    public string FormatDate(DateOnly date) => date.ToString("D", Culture);

    /// <summary>Returns the status of <paramref name="dueDate"/> on <paramref name="asOf"/>: "Past due 3 days", "Due today" or "Due in 5 days".</summary>
    public static string DueStatus(DateOnly dueDate, DateOnly asOf)
    {
        var daysToDue = dueDate.DayNumber - asOf.DayNumber;
        return daysToDue switch
        {
            < 0 => $"Past due {Count(-daysToDue, "day")}",
            0 => "Due today",
            _ => $"Due in {Count(daysToDue, "day")}",
        };
    }

    /// <summary>Returns "1 day", "2 days": a count with an English noun that takes "s" in the plural.</summary>
    internal static string Count(int count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";
}
