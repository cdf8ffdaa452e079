namespace TermSync.Api.Portal.Sessions;

/// <summary>Settings of the customer portal, from the "Portal" section.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>How long a confirmed session lasts before the clerk confirms again. Default 8 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
