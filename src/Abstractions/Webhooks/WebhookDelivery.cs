using TermSync.Conversations;

namespace TermSync.Webhooks;

/// <summary>The state of a webhook delivery.</summary>
[GenerateSerializer, Alias("termsync.WebhookDeliveryStatus")]
public enum WebhookDeliveryStatus
{
    /// <summary>No attempt has succeeded yet, and automatic attempts continue.</summary>
    Pending = 0,

    /// <summary>An attempt got a 2xx response.</summary>
    Succeeded = 1,

    /// <summary>Every automatic attempt within the retry window failed, or the endpoint was removed. A replay can still succeed.</summary>
    Failed = 2,
}

/// <summary>What started a delivery attempt.</summary>
[GenerateSerializer, Alias("termsync.WebhookAttemptTrigger")]
public enum WebhookAttemptTrigger
{
    /// <summary>The first attempt or a scheduled retry.</summary>
    Automatic = 0,

    /// <summary>The vendor asked for the event to be sent again.</summary>
    Replay = 1,
}

/// <summary>One HTTP request of a delivery and its outcome.</summary>
/// <param name="Number">Starts at 1 and grows by one with every attempt, replays included.</param>
/// <param name="At">When the request was sent; its unix seconds are the signed timestamp.</param>
/// <param name="StatusCode">The response's HTTP status code, or null when no response arrived.</param>
/// <param name="Error">Why no response arrived (timeout, connection error, rejected address), or null when one did.</param>
/// <param name="Duration">From sending the request to receiving the response headers or giving up.</param>
[GenerateSerializer, Immutable, Alias("termsync.WebhookAttempt")]
public sealed record WebhookAttempt(
    [property: Id(0)] int Number,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] WebhookAttemptTrigger Trigger,
    [property: Id(3)] int? StatusCode,
    [property: Id(4)] string? Error,
    [property: Id(5)] TimeSpan Duration)
{
    /// <summary>True when the response had a 2xx status code.</summary>
    public bool Succeeded => StatusCode is >= 200 and <= 299;
}

/// <summary>One event on its way to one endpoint.</summary>
/// <param name="DeliveryId">See <see cref="WebhookDeliveryIds"/>.</param>
/// <param name="CreatedAt">When the event was published to the endpoint.</param>
/// <param name="NextAttemptAt">When the next automatic attempt is due, or null once the delivery has ended.</param>
/// <param name="LastError">The outcome of the latest failed attempt, such as "HTTP 500" or "timed out after 10 s", or why the delivery stopped.</param>
[GenerateSerializer, Immutable, Alias("termsync.WebhookDeliverySummary")]
public sealed record WebhookDeliverySummary(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] string EndpointId,
    [property: Id(2)] string EventId,
    [property: Id(3)] VendorEventType EventType,
    [property: Id(4)] WebhookDeliveryStatus Status,
    [property: Id(5)] int AttemptCount,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset? FirstAttemptAt,
    [property: Id(8)] DateTimeOffset? LastAttemptAt,
    [property: Id(9)] DateTimeOffset? NextAttemptAt,
    [property: Id(10)] string? LastError = null);

/// <summary>A delivery with every attempt, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("termsync.WebhookDeliveryDetail")]
public sealed record WebhookDeliveryDetail(
    [property: Id(0)] WebhookDeliverySummary Summary,
    [property: Id(1)] IReadOnlyList<WebhookAttempt> Attempts);
