namespace TermSync.Webhooks;

/// <summary>Limits of a vendor's webhooks.</summary>
public static class WebhookLimits
{
    /// <summary>Maximum endpoints per vendor.</summary>
    public const int MaxEndpoints = 20;

    /// <summary>Maximum length of an endpoint URL, in characters.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Deliveries the vendor's list keeps, newest first; older ones leave the list but keep their grain.</summary>
    public const int MaxListedDeliveries = 500;
}
