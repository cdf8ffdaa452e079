using System.Globalization;
using TermSync.Vendors;

namespace TermSync.Api.Features.Vendors;

/// <summary>One weekday's opening hours on the wire.</summary>
/// <param name="Day">A lower-case weekday name such as "monday".</param>
/// <param name="Opens">Local opening time as 24-hour HH:mm.</param>
/// <param name="Closes">Local closing time as 24-hour HH:mm, after <paramref name="Opens"/>.</param>
public sealed record BusinessHoursBody(string? Day, string? Opens, string? Closes);

/// <summary>A vendor's response settings on the wire, as PUT accepts them and GET returns them.</summary>
/// <param name="BusinessHours">Opening hours in the vendor's time zone, at most one entry per weekday; a weekday without one is closed.</param>
/// <param name="Holidays">Dates as YYYY-MM-DD on which the vendor is closed all day.</param>
/// <param name="FirstResponseSlaHours">Business hours within which the first reply is due, or null for no service level.</param>
public sealed record ResponseSettingsBody(IReadOnlyList<BusinessHoursBody>? BusinessHours, IReadOnlyList<string>? Holidays, decimal? FirstResponseSlaHours)
{
    /// <summary>Accepted forms of opening and closing times.</summary>
    public static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];

    /// <summary>The form of holiday dates.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    public static ResponseSettingsBody From(ResponseSettings settings) => new(
        [.. settings.Hours.Select(hours => new BusinessHoursBody(DayName(hours.Day), FormatTime(hours.Opens), FormatTime(hours.Closes)))],
        [.. settings.Holidays.Select(date => date.ToString(DateFormat, CultureInfo.InvariantCulture))],
        settings.FirstResponseSla is { } sla ? (decimal)sla.Ticks / TimeSpan.TicksPerHour : null);

    /// <summary>Builds the settings from a body that the validator accepted.</summary>
    public ResponseSettings ToSettings() => new(
        [.. BusinessHours!.Select(hours => new BusinessHours(ParseDay(hours.Day)!.Value, ParseTime(hours.Opens)!.Value, ParseTime(hours.Closes)!.Value))],
        [.. (Holidays ?? []).Select(date => ParseDate(date)!.Value)],
        FirstResponseSlaHours is { } hours ? TimeSpan.FromTicks((long)(hours * TimeSpan.TicksPerHour)) : null);

    public static string DayName(DayOfWeek day) => day.ToString().ToLowerInvariant();

    public static DayOfWeek? ParseDay(string? name) =>
        Enum.GetValues<DayOfWeek>().Select(day => (DayOfWeek?)day).FirstOrDefault(day => DayName(day!.Value) == name);

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string FormatTime(TimeOnly time) =>
        time.ToString(time.Second == 0 && time.Millisecond == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
}
