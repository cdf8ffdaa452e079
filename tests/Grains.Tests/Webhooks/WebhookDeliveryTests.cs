using System.Text.Json;
using TermSync.Conversations;
using TermSync.Tests;
using TermSync.Webhooks;

namespace TermSync.Grains.Tests.Webhooks;

/// <summary>Webhook deliveries to a receiver on 127.0.0.1 that checks every signature.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WebhookDeliveryTests(ClusterFixture fixture) : IAsyncLifetime
{
    private TestWebhookReceiver _receiver = null!;

    private IGrainFactory Grains => fixture.Grains;

    public async ValueTask InitializeAsync() => _receiver = await TestWebhookReceiver.StartAsync();

    public ValueTask DisposeAsync() => _receiver.DisposeAsync();

    [Fact]
    public async Task Retry_after_500_delivers_same_body()
    {
        var (vendorId, endpointId) = await RegisterAsync("retry", VendorEventType.QuestionOpened);
        _receiver.RespondWith("retry", 500, 200);
        var published = WebhookEvents.Create(vendorId, VendorEventType.QuestionOpened);

        await Webhooks(vendorId).PublishAsync(published);
        var received = await _receiver.WaitForAsync("retry", 2, WebhookEvents.Patience);
        var delivery = await Grains.Delivery(vendorId, endpointId, published.EventId).WaitUntilEndedAsync();

        Assert.Equal(2, received.Count);
        Assert.Equal(received[0].Body, received[1].Body);
        Assert.All(received, request => Assert.Equal(published.EventId, request.EventId));
        Assert.All(received, request => Assert.Equal("question.opened", request.EventType));
        Assert.All(received, request => Assert.True(request.SignatureValid, $"Invalid signature {request.Signature} at {request.Timestamp}"));
        Assert.Equal(WebhookDeliveryStatus.Succeeded, delivery.Summary.Status);
        Assert.Equal([(1, 500), (2, 200)], delivery.Attempts.Select(attempt => (attempt.Number, attempt.StatusCode ?? 0)));
        Assert.All(delivery.Attempts, attempt => Assert.Equal(WebhookAttemptTrigger.Automatic, attempt.Trigger));
        Assert.Null(delivery.Summary.NextAttemptAt);
        Assert.Equal(2, delivery.Summary.AttemptCount);
    }

    [Fact]
    public async Task Body_has_documented_shape()
    {
        var (vendorId, _) = await RegisterAsync("shape", VendorEventType.DisputeOpened);
        var published = WebhookEvents.Create(vendorId, VendorEventType.DisputeOpened);

        await Webhooks(vendorId).PublishAsync(published);
        var received = Assert.Single(await _receiver.WaitForAsync("shape", 1, WebhookEvents.Patience));

        using var body = JsonDocument.Parse(received.Body);
        var root = body.RootElement;
        Assert.Equal(published.EventId, root.GetProperty("id").GetString());
        Assert.Equal("dispute.opened", root.GetProperty("type").GetString());
        Assert.Equal(published.OccurredAt, root.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(vendorId, root.GetProperty("vendorId").GetString());
        var conversation = root.GetProperty("data").GetProperty("conversation");
        Assert.Equal(published.Conversation.ConversationId, conversation.GetProperty("conversationId").GetString());
        Assert.Equal("dispute", conversation.GetProperty("kind").GetString());
        Assert.Equal("duplicateBilling", conversation.GetProperty("reason").GetString());
        Assert.Equal(40.50m, conversation.GetProperty("invoices")[0].GetProperty("disputedAmount").GetDecimal());
    }

    [Fact]
    public async Task Endpoint_gets_only_subscribed_types()
    {
        var (vendorId, questionsEndpoint) = await RegisterAsync("questions", VendorEventType.QuestionOpened);
        var disputesEndpoint = await AddEndpointAsync(vendorId, "disputes", VendorEventType.DisputeOpened);
        var published = WebhookEvents.Create(vendorId, VendorEventType.QuestionOpened);

        await Webhooks(vendorId).PublishAsync(published);
        await _receiver.WaitForAsync("questions", 1, WebhookEvents.Patience);
        var deliveries = await Webhooks(vendorId).ListDeliveriesAsync();

        var delivery = Assert.Single(deliveries);
        Assert.Equal(questionsEndpoint, delivery.EndpointId);
        Assert.Null(await Grains.Delivery(vendorId, disputesEndpoint, published.EventId).GetAsync());
        Assert.Empty(_receiver.Received("disputes"));
    }

    [Fact]
    public async Task Customer_events_are_never_delivered()
    {
        var (vendorId, _) = await RegisterAsync("all", [.. VendorEventTypes.Subscribable]);

        await Webhooks(vendorId).PublishAsync(WebhookEvents.Create(vendorId, VendorEventType.VendorReplied));
        await Webhooks(vendorId).PublishAsync(WebhookEvents.Create(vendorId, VendorEventType.Resolved));

        Assert.Empty(await Webhooks(vendorId).ListDeliveriesAsync());
    }

    [Fact]
    public async Task Same_event_twice_delivers_once()
    {
        var (vendorId, endpointId) = await RegisterAsync("twice", VendorEventType.CustomerReplied);
        var published = WebhookEvents.Create(vendorId, VendorEventType.CustomerReplied);

        await Webhooks(vendorId).PublishAsync(published);
        await Webhooks(vendorId).PublishAsync(published);
        var delivery = await Grains.Delivery(vendorId, endpointId, published.EventId).WaitUntilEndedAsync();
        await Webhooks(vendorId).PublishAsync(published);

        Assert.Equal(WebhookDeliveryStatus.Succeeded, delivery.Summary.Status);
        Assert.Single(_receiver.Received("twice"));
        Assert.Single(await Webhooks(vendorId).ListDeliveriesAsync());
        Assert.Single((await Grains.Delivery(vendorId, endpointId, published.EventId).GetAsync())!.Attempts);
    }

    [Fact]
    public async Task Replay_resends_with_fresh_signature()
    {
        var (vendorId, endpointId) = await RegisterAsync("replay", VendorEventType.SlaBreached);
        var published = WebhookEvents.Create(vendorId, VendorEventType.SlaBreached);
        await Webhooks(vendorId).PublishAsync(published);
        var delivery = Grains.Delivery(vendorId, endpointId, published.EventId);
        await delivery.WaitUntilEndedAsync();

        var replay = await delivery.ReplayAsync();
        var received = _receiver.Received("replay");

        Assert.Equal(WebhookReplayStatus.Sent, replay.Status);
        Assert.Equal(2, received.Count);
        Assert.Equal(published.EventId, received[1].EventId);
        Assert.Equal(received[0].Body, received[1].Body);
        Assert.True(received[1].SignatureValid, $"Invalid replay signature {received[1].Signature} at {received[1].Timestamp}");
        Assert.Equal(
            [(1, WebhookAttemptTrigger.Automatic, 200), (2, WebhookAttemptTrigger.Replay, 200)],
            replay.Delivery!.Attempts.Select(attempt => (attempt.Number, attempt.Trigger, attempt.StatusCode ?? 0)));
        Assert.Equal(WebhookDeliveryStatus.Succeeded, replay.Delivery.Summary.Status);
    }

    [Fact]
    public async Task Failing_receiver_ends_failed_after_window()
    {
        var (vendorId, endpointId) = await RegisterAsync("down", VendorEventType.QuestionOpened);
        _receiver.RespondAlways("down", 503);
        var published = WebhookEvents.Create(vendorId, VendorEventType.QuestionOpened);

        await Webhooks(vendorId).PublishAsync(published);
        var delivery = await Grains.Delivery(vendorId, endpointId, published.EventId).WaitUntilEndedAsync();
        var received = _receiver.Received("down");

        var window = TimeSpan.Parse(ClusterFixture.WebhookSettings["Webhooks:RetryWindow"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Summary.Status);
        Assert.True(delivery.Attempts.Count >= 3, $"Expected at least 3 attempts in the window, got {delivery.Attempts.Count}");
        Assert.Equal(received.Count, delivery.Attempts.Count);
        Assert.Equal(Enumerable.Range(1, delivery.Attempts.Count), delivery.Attempts.Select(attempt => attempt.Number));
        Assert.All(delivery.Attempts, attempt => Assert.Equal(503, attempt.StatusCode));
        Assert.All(received, request => Assert.True(request.SignatureValid));

        // The window starts when the first attempt is stored, a moment before its request is sent and stamped. The span
        // between the stamps may fall short of the window by that state write, so the check allows one second for it.
        var span = delivery.Attempts[^1].At - delivery.Attempts[0].At;
        Assert.True(span >= window - TimeSpan.FromSeconds(1), $"The last attempt came {span} after the first");
        Assert.Null(delivery.Summary.NextAttemptAt);
        Assert.Equal("HTTP 503", delivery.Summary.LastError);
    }

    [Fact]
    public async Task Replay_after_failure_can_succeed()
    {
        var (vendorId, endpointId) = await RegisterAsync("recovers", VendorEventType.QuestionOpened);
        _receiver.RespondAlways("recovers", 500);
        var published = WebhookEvents.Create(vendorId, VendorEventType.QuestionOpened);
        await Webhooks(vendorId).PublishAsync(published);
        var delivery = Grains.Delivery(vendorId, endpointId, published.EventId);
        var failed = await delivery.WaitUntilEndedAsync();

        _receiver.RespondAlways("recovers", 204);
        var replay = await delivery.ReplayAsync();

        Assert.Equal(WebhookDeliveryStatus.Failed, failed.Summary.Status);
        Assert.Equal(WebhookDeliveryStatus.Succeeded, replay.Delivery!.Summary.Status);
        Assert.Equal((WebhookAttemptTrigger.Replay, 204), (replay.Delivery.Attempts[^1].Trigger, replay.Delivery.Attempts[^1].StatusCode));
    }

    [Fact]
    public async Task Removed_endpoint_stops_retries()
    {
        var (vendorId, endpointId) = await RegisterAsync("removed", VendorEventType.QuestionOpened);
        _receiver.RespondAlways("removed", 500);
        var published = WebhookEvents.Create(vendorId, VendorEventType.QuestionOpened);
        await Webhooks(vendorId).PublishAsync(published);
        await _receiver.WaitForAsync("removed", 1, WebhookEvents.Patience);

        await Webhooks(vendorId).RemoveEndpointAsync(endpointId);
        var delivery = Grains.Delivery(vendorId, endpointId, published.EventId);
        var ended = await delivery.WaitUntilEndedAsync();
        var replay = await delivery.ReplayAsync();

        Assert.Equal(WebhookDeliveryStatus.Failed, ended.Summary.Status);
        Assert.Equal("The endpoint was removed, so the delivery stopped.", ended.Summary.LastError);
        Assert.Equal(WebhookReplayStatus.EndpointRemoved, replay.Status);
        Assert.Equal(ended.Attempts.Count, _receiver.Received("removed").Count);
    }

    private IVendorWebhooksGrain Webhooks(string vendorId) => Grains.GetGrain<IVendorWebhooksGrain>(vendorId);

    private async Task<(string VendorId, string EndpointId)> RegisterAsync(string hook, params VendorEventType[] events)
    {
        var vendorId = TestData.NewId("v");
        return (vendorId, await AddEndpointAsync(vendorId, hook, events));
    }

    private async Task<string> AddEndpointAsync(string vendorId, string hook, params VendorEventType[] events)
    {
        var registration = await Webhooks(vendorId).AddEndpointAsync(_receiver.Url(hook), events);
        Assert.True(registration.Status == WebhookRegistrationStatus.Created, $"Registration failed: {registration.Error}");
        _receiver.SetSecret(hook, registration.Secret!);
        return registration.Endpoint!.EndpointId;
    }
}
