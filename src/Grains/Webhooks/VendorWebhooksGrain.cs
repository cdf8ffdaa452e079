using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TermSync.Conversations;
using TermSync.Invoices;
using TermSync.Webhooks;

namespace TermSync.Grains.Webhooks;

/// <summary>
/// A vendor's webhook endpoints and the list of its recent deliveries. Each delivery is its own grain, so a slow or
/// failing receiver does not block this grain. This grain only starts deliveries and reads their status for the list.
/// </summary>
public sealed partial class VendorWebhooksGrain(
    [PersistentState("webhooks", StorageNames.Default)] IPersistentState<VendorWebhooksState> state,
    WebhookUrlPolicy urlPolicy,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<VendorWebhooksGrain> logger) : Grain, IVendorWebhooksGrain
{
    private const int MaxRemovedIds = 1000;

    private string VendorId => this.GetPrimaryKeyString();

    private VendorWebhooksState State => state.State;

    public async Task<WebhookRegistration> AddEndpointAsync(string url, IReadOnlyList<VendorEventType> events)
    {
        if (CheckEvents(events) is { } eventsError)
        {
            return WebhookRegistration.Rejected("events", eventsError);
        }

        if (await urlPolicy.CheckAsync(url, CancellationToken.None) is { } urlError)
        {
            LogEndpointRejected(VendorId, urlError);
            return WebhookRegistration.Rejected("url", urlError);
        }

        // The policy accepted an absolute URL, so its normalized form (scheme and host in lower case, default port dropped) compares URLs that differ only in spelling.
        var normalized = new Uri(url).AbsoluteUri;
        if (State.Endpoints.Find(endpoint => string.Equals(new Uri(endpoint.Url).AbsoluteUri, normalized, StringComparison.Ordinal)) is { } existing)
        {
            return WebhookRegistration.Conflict(
                $"Endpoint {existing.EndpointId} has the URL '{url}' already. Its secret is shown only once, so to get a new one remove it with " +
                $"DELETE /vendors/{VendorId}/webhooks/{existing.EndpointId} and register the URL again.");
        }

        if (State.Endpoints.Count >= WebhookLimits.MaxEndpoints)
        {
            return WebhookRegistration.Conflict(
                $"Vendor '{VendorId}' has {State.Endpoints.Count} webhook endpoints, the maximum; remove one before registering another.");
        }

        var subscribed = VendorEventTypes.Subscribable.Where(events.Contains).ToList();
        var stored = new StoredWebhookEndpoint(WebhookSecrets.NewEndpointId(), url, subscribed, time.GetUtcNow(), WebhookSecrets.NewSecret());
        State.Endpoints.Add(stored);
        await state.WriteStateAsync();

        LogEndpointAdded(VendorId, stored.EndpointId, string.Join(",", subscribed.Select(VendorEventTypes.Name)));
        return WebhookRegistration.Created(ToEndpoint(stored), stored.Secret);
    }

    public Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync() =>
        Task.FromResult<IReadOnlyList<WebhookEndpoint>>([.. State.Endpoints.Select(ToEndpoint)]);

    public async Task<WebhookRemoval> RemoveEndpointAsync(string endpointId)
    {
        if (State.RemovedEndpointIds.Contains(endpointId))
        {
            return WebhookRemoval.AlreadyRemoved;
        }

        var index = State.Endpoints.FindIndex(endpoint => endpoint.EndpointId == endpointId);
        if (index < 0)
        {
            return WebhookRemoval.NotFound;
        }

        State.Endpoints.RemoveAt(index);
        State.RemovedEndpointIds.Add(endpointId);
        if (State.RemovedEndpointIds.Count > MaxRemovedIds)
        {
            State.RemovedEndpointIds.RemoveAt(0);
        }

        await state.WriteStateAsync();
        LogEndpointRemoved(VendorId, endpointId);
        return WebhookRemoval.Removed;
    }

    public async Task PublishAsync(ConversationEvent conversationEvent)
    {
        if (conversationEvent.Conversation.VendorId != VendorId)
        {
            LogForeignEvent(VendorId, conversationEvent.EventId, conversationEvent.Conversation.VendorId);
            return;
        }

        await StartDeliveriesAsync(conversationEvent.EventId, conversationEvent.Type, () => WebhookPayload.Serialize(conversationEvent));
    }

    public async Task PublishPaymentNoticeAsync(PaymentNoticeEvent noticeEvent)
    {
        if (noticeEvent.Invoice.VendorId != VendorId)
        {
            LogForeignEvent(VendorId, noticeEvent.EventId, noticeEvent.Invoice.VendorId);
            return;
        }

        await StartDeliveriesAsync(noticeEvent.EventId, VendorEventType.PaymentNoticeReceived, () => WebhookPayload.Serialize(noticeEvent));
    }

    public async Task<IReadOnlyList<WebhookDeliverySummary>> ListDeliveriesAsync()
    {
        // NOTE: this reads every listed delivery grain, up to 500 calls; fine for a page a vendor opens, not for polling.
        var entries = Enumerable.Reverse(State.Deliveries).ToList();
        var details = await Task.WhenAll(entries.Select(entry =>
            GrainFactory.GetGrainCached<IWebhookDeliveryGrain>(WebhookDeliveryIds.GrainKey(VendorId, entry.DeliveryId)).GetAsync()));
        return [.. details.Where(detail => detail is not null).Select(detail => detail!.Summary)];
    }

    public Task<WebhookDeliveryTarget?> GetDeliveryTargetAsync(string endpointId)
    {
        var endpoint = State.Endpoints.Find(candidate => candidate.EndpointId == endpointId);
        return Task.FromResult(endpoint is null ? null : new WebhookDeliveryTarget(endpoint.Url, endpoint.Secret));
    }

    /// <summary>Starts one delivery of the event to each endpoint subscribed to its type and lists the new ones.</summary>
    private async Task StartDeliveriesAsync(string eventId, VendorEventType type, Func<string> serialize)
    {
        if (!VendorEventTypes.Subscribable.Contains(type))
        {
            return;
        }

        var endpoints = State.Endpoints.Where(endpoint => endpoint.Events.Contains(type)).ToList();
        if (endpoints.Count == 0)
        {
            return;
        }

        // One body for every endpoint and every attempt, so all of them carry the same bytes.
        var body = serialize();
        var now = time.GetUtcNow();
        var started = await Task.WhenAll(endpoints.Select(endpoint => StartDeliveryAsync(endpoint, eventId, type, body, now)));

        var logged = State.Deliveries.Select(entry => entry.DeliveryId).ToHashSet(StringComparer.Ordinal);
        var added = started.Where(entry => logged.Add(entry.DeliveryId)).ToList();
        if (added.Count == 0)
        {
            return;
        }

        State.Deliveries.AddRange(added);
        if (State.Deliveries.Count > WebhookLimits.MaxListedDeliveries)
        {
            State.Deliveries.RemoveRange(0, State.Deliveries.Count - WebhookLimits.MaxListedDeliveries);
        }

        await state.WriteStateAsync();
    }

    private async Task<DeliveryLogEntry> StartDeliveryAsync(StoredWebhookEndpoint endpoint, string eventId, VendorEventType type, string body, DateTimeOffset now)
    {
        var deliveryId = WebhookDeliveryIds.Create(endpoint.EndpointId, eventId);
        var request = new WebhookDeliveryRequest(endpoint.EndpointId, eventId, type, body, now);
        var summary = await GrainFactory.GetGrainCached<IWebhookDeliveryGrain>(WebhookDeliveryIds.GrainKey(VendorId, deliveryId)).StartAsync(request);
        return new DeliveryLogEntry(deliveryId, endpoint.EndpointId, eventId, summary.CreatedAt);
    }

    private static string? CheckEvents(IReadOnlyList<VendorEventType> events)
    {
        if (events.Count == 0)
        {
            return "No event types were given; send at least one of " + SubscribableNames() + ".";
        }

        foreach (var type in events)
        {
            if (!VendorEventTypes.Subscribable.Contains(type))
            {
                var name = Enum.IsDefined(type) ? VendorEventTypes.Name(type) : type.ToString();
                return $"Event type '{name}' cannot be subscribed to; use one of {SubscribableNames()}.";
            }
        }

        return null;
    }

    private static string SubscribableNames() => string.Join(", ", VendorEventTypes.Subscribable.Select(VendorEventTypes.Name));

    private static WebhookEndpoint ToEndpoint(StoredWebhookEndpoint stored) => new(stored.EndpointId, stored.Url, stored.Events, stored.CreatedAt);

    [LoggerMessage(EventId = 9000, Level = LogLevel.Information, Message = "Vendor {VendorId} registered webhook endpoint {EndpointId} for {EventTypes}")]
    private partial void LogEndpointAdded(string vendorId, string endpointId, string eventTypes);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Rejected a webhook endpoint of vendor {VendorId}: {Reason}")]
    private partial void LogEndpointRejected(string vendorId, string reason);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Vendor {VendorId} removed webhook endpoint {EndpointId}")]
    private partial void LogEndpointRemoved(string vendorId, string endpointId);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Error, Message = "Ignored event {ConversationEventId} published to the webhooks of vendor {VendorId}: it belongs to vendor {EventVendorId}")]
    private partial void LogForeignEvent(string vendorId, string conversationEventId, string eventVendorId);
}
