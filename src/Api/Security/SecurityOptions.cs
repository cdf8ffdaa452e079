namespace TermSync.Api.Security;

/// <summary>Settings of the "Security" configuration section.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// The admin key, sent as "Authorization: Bearer KEY" to onboard vendors and issue their keys. Null or empty
    /// disables admin access: every admin request gets 401 and the API logs a warning at start.
    /// </summary>
    public string? AdminKey { get; set; }
}
