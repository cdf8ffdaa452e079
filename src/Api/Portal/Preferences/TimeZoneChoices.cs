namespace TermSync.Api.Portal.Preferences;

/// <summary>The IANA time zones that the preferences form suggests, from the time zone data of the host.</summary>
public static class TimeZoneChoices
{
    private static readonly Lazy<IReadOnlyList<string>> Zones = new(Load);

    /// <summary>IANA ids in ordinal order, such as "America/New_York" and "UTC".</summary>
    public static IReadOnlyList<string> Ids => Zones.Value;

    private static IReadOnlyList<string> Load()
    {
        // Linux and macOS report IANA ids; Windows reports its own ids, which most IANA zones map from.
        var ids = new SortedSet<string>(StringComparer.Ordinal) { "UTC" };
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
        {
            if (zone.HasIanaId)
            {
                ids.Add(zone.Id);
            }
            else if (TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var ianaId))
            {
                ids.Add(ianaId);
            }
        }

        return [.. ids];
    }
}
