namespace TermSync.Api.Features.Vendors.Satisfaction;

/// <summary>The vendor and the window of a CSAT request.</summary>
/// <param name="AsOf">Last day of the window, YYYY-MM-DD; today in the vendor's time zone when omitted.</param>
/// <param name="WindowDays">Length of the window in days, 1 to 366; 90 when omitted.</param>
public sealed record Request(string VendorId, DateOnly? AsOf, int? WindowDays)
{
    public const int DefaultWindowDays = 90;
}
