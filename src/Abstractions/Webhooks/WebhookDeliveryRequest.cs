using TermSync.Conversations;

namespace TermSync.Webhooks;

/// <summary>An event to send to one endpoint.</summary>
/// <param name="Body">The JSON body, serialized once when the event was published, so that every attempt sends the same bytes.</param>
/// <param name="CreatedAt">When the event was published to the endpoint.</param>
[GenerateSerializer, Immutable, Alias("termsync.WebhookDeliveryRequest")]
public sealed record WebhookDeliveryRequest(
    [property: Id(0)] string EndpointId,
    [property: Id(1)] string EventId,
    [property: Id(2)] VendorEventType EventType,
    [property: Id(3)] string Body,
    [property: Id(4)] DateTimeOffset CreatedAt);

/// <summary>Where a delivery is sent and the key it is signed with.</summary>
/// <param name="Secret">The endpoint's signing secret. Never log it and never return it from the API.</param>
[GenerateSerializer, Immutable, Alias("termsync.WebhookDeliveryTarget")]
public sealed record WebhookDeliveryTarget(
    [property: Id(0)] string Url,
    [property: Id(1)] string Secret);

/// <summary>How a request to send a delivery again ended.</summary>
[GenerateSerializer, Alias("termsync.WebhookReplayStatus")]
public enum WebhookReplayStatus
{
    /// <summary>The event was sent again; the attempt is the delivery's latest, whatever its outcome.</summary>
    Sent = 0,

    /// <summary>The vendor has no such delivery.</summary>
    NotFound = 1,

    /// <summary>The delivery's endpoint was removed, so there is nowhere to send it.</summary>
    EndpointRemoved = 2,
}

/// <summary>The outcome of a replay, with the delivery as it is after it.</summary>
[GenerateSerializer, Immutable, Alias("termsync.WebhookReplayResult")]
public sealed record WebhookReplayResult(
    [property: Id(0)] WebhookReplayStatus Status,
    [property: Id(1)] WebhookDeliveryDetail? Delivery);
