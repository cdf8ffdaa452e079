using Orleans.Concurrency;
using TermSync.Conversations;
using TermSync.Invoices;

namespace TermSync.Webhooks;

/// <summary>
/// A vendor's webhook endpoints and its recent deliveries, keyed by vendor id. It stores each endpoint's signing
/// secret, because deliveries are signed with it, and returns the secret only once, on registration.
/// </summary>
[Alias("termsync.IVendorWebhooksGrain")]
public interface IVendorWebhooksGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers an endpoint for the given event types. The URL must be absolute https (http only where the silo
    /// allows it) and must not resolve to a loopback, private, link-local, unspecified or multicast address unless
    /// the silo allows private networks. A vendor has at most <see cref="WebhookLimits.MaxEndpoints"/> endpoints.
    /// A URL the vendor registered already is a conflict: remove that endpoint and register again to get a new secret.
    /// </summary>
    [Alias("AddEndpoint")]
    Task<WebhookRegistration> AddEndpointAsync(string url, IReadOnlyList<VendorEventType> events);

    /// <summary>Returns the vendor's endpoints, oldest first, without their secrets.</summary>
    [Alias("ListEndpoints")]
    Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync();

    /// <summary>Removes an endpoint; its pending deliveries stop at their next attempt. Removing it again changes nothing.</summary>
    [Alias("RemoveEndpoint")]
    Task<WebhookRemoval> RemoveEndpointAsync(string endpointId);

    /// <summary>
    /// Starts one delivery of <paramref name="conversationEvent"/> to each endpoint subscribed to its type. Only the
    /// types in <see cref="VendorEventTypes.Subscribable"/> are ever delivered. Publishing an event id again starts
    /// nothing new, because each (endpoint, event id) pair has one delivery.
    /// </summary>
    [Alias("Publish")]
    Task PublishAsync(ConversationEvent conversationEvent);

    /// <summary>
    /// Starts one delivery of a payment notice to each endpoint subscribed to <see cref="VendorEventType.PaymentNoticeReceived"/>.
    /// Publishing an event id again starts nothing new.
    /// </summary>
    [Alias("PublishPaymentNotice")]
    Task PublishPaymentNoticeAsync(PaymentNoticeEvent noticeEvent);

    /// <summary>Returns the most recent deliveries, newest first, at most <see cref="WebhookLimits.MaxListedDeliveries"/>.</summary>
    [Alias("ListDeliveries")]
    Task<IReadOnlyList<WebhookDeliverySummary>> ListDeliveriesAsync();

    /// <summary>
    /// Returns the URL and signing secret of an endpoint, or null once it is removed. Delivery grains call it before
    /// each attempt; it never leaves the cluster. It reads state only, so it may run while another call of this grain waits.
    /// </summary>
    [Alias("GetDeliveryTarget"), AlwaysInterleave]
    Task<WebhookDeliveryTarget?> GetDeliveryTargetAsync(string endpointId);
}
