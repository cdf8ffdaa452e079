namespace TermSync.Api.Features.Vendors.SetResponseSettings;

/// <summary>New response settings of a vendor; they replace the stored ones whole.</summary>
/// <param name="BusinessHours">Required; an empty list means no open hours, which needs <paramref name="FirstResponseSlaHours"/> null.</param>
/// <param name="Holidays">Optional dates as YYYY-MM-DD; none when omitted.</param>
/// <param name="FirstResponseSlaHours">Business hours within which the first reply is due: greater than 0, at most
/// <see cref="MaxSlaHours"/>, with at most 4 decimals. Null or omitted sets no service level.</param>
public sealed record Request(string VendorId, IReadOnlyList<BusinessHoursBody>? BusinessHours, IReadOnlyList<string>? Holidays, decimal? FirstResponseSlaHours)
{
    /// <summary>The largest service level accepted: 2,000 business hours, about a year of 40-hour weeks.</summary>
    public const decimal MaxSlaHours = 2000m;

    public ResponseSettingsBody ToBody() => new(BusinessHours, Holidays, FirstResponseSlaHours);
}
