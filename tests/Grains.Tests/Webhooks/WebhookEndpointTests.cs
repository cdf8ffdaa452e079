using TermSync.Conversations;
using TermSync.Webhooks;

namespace TermSync.Grains.Tests.Webhooks;

/// <summary>Registering, listing and removing endpoints. The URLs are never called: no event is published.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WebhookEndpointTests(ClusterFixture fixture)
{
    private IVendorWebhooksGrain NewVendor() => fixture.Grains.GetGrain<IVendorWebhooksGrain>(TestData.NewId("v"));

    [Fact]
    public async Task Registration_returns_secret_once()
    {
        var webhooks = NewVendor();

        var created = await webhooks.AddEndpointAsync("https://203.0.113.10/a", [VendorEventType.SlaBreached, VendorEventType.QuestionOpened]);
        var listed = await webhooks.ListEndpointsAsync();

        Assert.Equal(WebhookRegistrationStatus.Created, created.Status);
        Assert.StartsWith("whsec_", created.Secret);
        Assert.Equal([VendorEventType.QuestionOpened, VendorEventType.SlaBreached], created.Endpoint!.Events);
        var endpoint = Assert.Single(listed);
        Assert.Equal((created.Endpoint.EndpointId, created.Endpoint.Url, created.Endpoint.CreatedAt), (endpoint.EndpointId, endpoint.Url, endpoint.CreatedAt));
        Assert.Equal(created.Endpoint.Events, endpoint.Events);
    }

    [Fact]
    public async Task Same_url_again_is_conflict()
    {
        var webhooks = NewVendor();
        var first = await webhooks.AddEndpointAsync("https://203.0.113.10/b", [VendorEventType.QuestionOpened]);

        var second = await webhooks.AddEndpointAsync("https://203.0.113.10/b", [VendorEventType.DisputeOpened]);

        Assert.Equal(WebhookRegistrationStatus.Conflict, second.Status);
        Assert.Contains(first.Endpoint!.EndpointId, second.Error);
        Assert.Single(await webhooks.ListEndpointsAsync());
    }

    [Fact]
    public async Task Url_spelled_differently_is_conflict()
    {
        var webhooks = NewVendor();
        await webhooks.AddEndpointAsync("https://203.0.113.10/b", [VendorEventType.QuestionOpened]);

        var second = await webhooks.AddEndpointAsync("HTTPS://203.0.113.10:443/b", [VendorEventType.DisputeOpened]);

        Assert.Equal(WebhookRegistrationStatus.Conflict, second.Status);
        Assert.Single(await webhooks.ListEndpointsAsync());
    }

    [Fact]
    public async Task Customer_event_type_is_rejected()
    {
        var rejected = await NewVendor().AddEndpointAsync("https://203.0.113.10/c", [VendorEventType.VendorReplied]);

        Assert.Equal((WebhookRegistrationStatus.Rejected, "events"), (rejected.Status, rejected.Field));
        Assert.Contains("vendor.replied", rejected.Error);
    }

    [Fact]
    public async Task Remove_is_idempotent()
    {
        var webhooks = NewVendor();
        var created = await webhooks.AddEndpointAsync("https://203.0.113.10/d", [VendorEventType.QuestionOpened]);

        var first = await webhooks.RemoveEndpointAsync(created.Endpoint!.EndpointId);
        var second = await webhooks.RemoveEndpointAsync(created.Endpoint.EndpointId);
        var unknown = await webhooks.RemoveEndpointAsync("whe_aaaaaaaaaaaaaaaa");

        Assert.Equal([WebhookRemoval.Removed, WebhookRemoval.AlreadyRemoved, WebhookRemoval.NotFound], [first, second, unknown]);
        Assert.Empty(await webhooks.ListEndpointsAsync());
        Assert.Null(await webhooks.GetDeliveryTargetAsync(created.Endpoint.EndpointId));
    }
}
