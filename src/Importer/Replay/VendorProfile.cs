namespace TermSync.Importer.Replay;

/// <summary>
/// A vendor that the replay registers before it sends any of the vendor's events.
/// </summary>
/// <param name="Id">Vendor id: lowercase letters, digits and '-', 1 to 64 characters.</param>
/// <param name="Name">Display name.</param>
/// <param name="ContactEmail">Accounts-receivable contact address.</param>
/// <param name="TimeZone">IANA time zone id of the vendor's business calendar, such as "UTC".</param>
public sealed record VendorProfile(string Id, string Name, string ContactEmail, string TimeZone);
