namespace TermSync.Grains.Webhooks;

/// <summary>Settings of webhook delivery, bound from the "Webhooks" configuration section.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>The retry window that production configuration may not go below: vendors are promised retries for at least a day.</summary>
    public static readonly TimeSpan MinProductionRetryWindow = TimeSpan.FromHours(24);

    /// <summary>Delay after the first failed attempt; each later delay is twice the one before. Default 30 seconds.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Maximum delay between two automatic attempts. Default 1 hour.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long after its first attempt a delivery keeps being retried. The last attempt is at the end of the window,
    /// and if it fails too, the delivery is marked failed. Default 25 hours, and at least 24 hours unless
    /// <see cref="AllowShortRetryWindow"/> is true.
    /// </summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(25);

    /// <summary>Lets <see cref="RetryWindow"/> be shorter than 24 hours. For tests only; default false.</summary>
    public bool AllowShortRetryWindow { get; set; }

    /// <summary>
    /// Time limit of one attempt, from sending the request to receiving the response headers. Default 10 seconds,
    /// at most 25 seconds, because a replay runs inside a grain call that Orleans cancels after 30 seconds by default.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Accepts endpoint URLs with the http scheme as well as https. Default false.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Accepts endpoints whose host resolves to a loopback, private, link-local, unspecified or multicast address.
    /// Default false, so that a vendor cannot make the silo send requests into its own network or to a cloud
    /// metadata service.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
