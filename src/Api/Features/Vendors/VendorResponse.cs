using TermSync.Vendors;

namespace TermSync.Api.Features.Vendors;

/// <summary>A vendor as the API returns it.</summary>
public sealed record VendorResponse(string Id, string Name, string ContactEmail, string TimeZone, bool RemindBeforeDue)
{
    public static VendorResponse From(string id, VendorProfile profile) => new(id, profile.Name, profile.ContactEmail, profile.TimeZone, profile.RemindBeforeDue);
}
