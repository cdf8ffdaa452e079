using TermSync.Conversations;

namespace TermSync.Webhooks;

/// <summary>A vendor's webhook endpoint, without its signing secret.</summary>
/// <param name="EndpointId">"whe_" and 16 lower-case base32 characters, unique within the vendor.</param>
/// <param name="Url">The absolute address that receives each delivery as an HTTP POST.</param>
/// <param name="Events">The event types delivered to it, in <see cref="VendorEventTypes.Subscribable"/> order.</param>
/// <param name="CreatedAt">When the vendor registered it.</param>
[GenerateSerializer, Immutable, Alias("termsync.WebhookEndpoint")]
public sealed record WebhookEndpoint(
    [property: Id(0)] string EndpointId,
    [property: Id(1)] string Url,
    [property: Id(2)] IReadOnlyList<VendorEventType> Events,
    [property: Id(3)] DateTimeOffset CreatedAt);
