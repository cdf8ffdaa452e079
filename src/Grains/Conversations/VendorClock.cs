using TermSync.Vendors;

namespace TermSync.Grains.Conversations;

/// <summary>A vendor's time zone and response settings, as the response clock reads them.</summary>
internal sealed record VendorClock(TimeZoneInfo Zone, ResponseSettings Settings)
{
    /// <summary>Loads the vendor's settings; a vendor never registered, or one with an unknown time zone, is timed in UTC.</summary>
    public static async Task<VendorClock> LoadAsync(IGrainFactory grains, string vendorId)
    {
        var vendor = grains.GetGrainCached<IVendorGrain>(vendorId);
        var profile = await vendor.GetProfileAsync();
        var settings = await vendor.GetResponseSettingsAsync();
        var zone = TimeZoneInfo.Utc;
        if (profile?.TimeZone is { Length: > 0 } zoneId && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found))
        {
            zone = found;
        }

        return new VendorClock(zone, settings);
    }

    /// <summary>Returns when the first reply to a message sent at <paramref name="openedAt"/> is due, or null without a service level.</summary>
    public DateTimeOffset? SlaDueAt(DateTimeOffset openedAt) =>
        Settings.FirstResponseSla is { } sla && Settings.Hours.Count > 0 ? BusinessClock.Add(Settings, Zone, openedAt, sla) : null;

    /// <summary>Returns the business time between two instants.</summary>
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to) => BusinessClock.Elapsed(Settings, Zone, from, to);

    /// <summary>Returns the vendor's calendar date at an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
