using TermSync.Conversations;

namespace TermSync.Grains.Webhooks;

/// <summary>The stored state of a vendor's webhooks.</summary>
[GenerateSerializer, Alias("termsync.VendorWebhooksState")]
public sealed class VendorWebhooksState
{
    /// <summary>Registered endpoints, oldest first.</summary>
    [Id(0)] public List<StoredWebhookEndpoint> Endpoints { get; set; } = [];

    /// <summary>Ids of removed endpoints, so that removing one again is distinguished from an id that never existed.</summary>
    [Id(1)] public List<string> RemovedEndpointIds { get; set; } = [];

    /// <summary>The most recent deliveries, oldest first, at most <see cref="TermSync.Webhooks.WebhookLimits.MaxListedDeliveries"/>.</summary>
    [Id(2)] public List<DeliveryLogEntry> Deliveries { get; set; } = [];
}

/// <summary>An endpoint with its signing secret.</summary>
[GenerateSerializer, Immutable, Alias("termsync.StoredWebhookEndpoint")]
public sealed record StoredWebhookEndpoint(
    [property: Id(0)] string EndpointId,
    [property: Id(1)] string Url,
    [property: Id(2)] IReadOnlyList<VendorEventType> Events,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string Secret);

/// <summary>A delivery the vendor's list shows; its status lives in the delivery grain.</summary>
[GenerateSerializer, Immutable, Alias("termsync.DeliveryLogEntry")]
public sealed record DeliveryLogEntry(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] string EndpointId,
    [property: Id(2)] string EventId,
    [property: Id(3)] DateTimeOffset CreatedAt);
