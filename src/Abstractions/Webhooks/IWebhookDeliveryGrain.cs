using Orleans.Concurrency;

namespace TermSync.Webhooks;

/// <summary>
/// One event on its way to one endpoint, keyed by <see cref="WebhookDeliveryIds.GrainKey"/>. It stores the body
/// and every attempt, retries failed attempts with exponential backoff until the retry window has passed, and
/// resumes after a silo restart through an Orleans reminder that exists while the delivery is pending.
/// </summary>
[Alias("termsync.IWebhookDeliveryGrain")]
public interface IWebhookDeliveryGrain : IGrainWithStringKey
{
    /// <summary>Stores the delivery and schedules its first attempt at once. Starting it again returns it as it is.</summary>
    [Alias("Start")]
    Task<WebhookDeliverySummary> StartAsync(WebhookDeliveryRequest request);

    /// <summary>Returns the delivery with all its attempts, or null when it was never started.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<WebhookDeliveryDetail?> GetAsync();

    /// <summary>
    /// Sends the stored body again now, with a fresh timestamp and signature, and records the attempt as a replay.
    /// Allowed in any status. A successful replay marks the delivery succeeded and stops its automatic retries.
    /// </summary>
    [Alias("Replay")]
    Task<WebhookReplayResult> ReplayAsync();
}
