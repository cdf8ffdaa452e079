using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TermSync.Conversations;
using TermSync.Tests;
using TermSync.Webhooks;

namespace TermSync.Api.Tests.Webhooks;

/// <summary>Listing, reading and replaying deliveries through the API, with a receiver on 127.0.0.1.</summary>
[Collection(WebhookApiCollection.Name)]
public sealed class WebhookDeliveryApiTests(WebhookApiFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private TestWebhookReceiver _receiver = null!;

    public async ValueTask InitializeAsync() => _receiver = await TestWebhookReceiver.StartAsync();

    public ValueTask DisposeAsync() => _receiver.DisposeAsync();

    [Fact]
    public async Task Deliveries_can_be_listed_and_replayed()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var created = await (await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/webhooks", new { url = _receiver.Url("api"), events = new[] { "question.opened" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        _receiver.SetSecret("api", created.GetProperty("secret").GetString()!);
        _receiver.RespondWith("api", 500, 200);
        var published = QuestionOpened(vendor.VendorId);

        await fixture.Factory.Services.GetRequiredService<IClusterClient>().GetGrain<IVendorWebhooksGrain>(vendor.VendorId).PublishAsync(published);
        await _receiver.WaitForAsync("api", 2, Patience);
        var listed = await WaitForStatusAsync(vendor, "succeeded");
        var deliveryId = listed.GetProperty("deliveryId").GetString()!;
        var read = await (await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}/webhooks/deliveries/{deliveryId}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var replayed = await (await vendor.Client.PostAsync($"/vendors/{vendor.VendorId}/webhooks/deliveries/{deliveryId}/replay", null, TestContext.Current.CancellationToken)).ReadJsonAsync();
        var received = _receiver.Received("api");

        Assert.Equal(published.EventId, listed.GetProperty("eventId").GetString());
        Assert.Equal("question.opened", listed.GetProperty("eventType").GetString());
        Assert.Equal(2, listed.GetProperty("attemptCount").GetInt32());
        Assert.Equal(
            [(500, "automatic"), (200, "automatic")],
            read.GetProperty("attempts").EnumerateArray().Select(attempt => (attempt.GetProperty("statusCode").GetInt32(), attempt.GetProperty("trigger").GetString())));
        Assert.Equal((3, "replay", 200), (
            replayed.GetProperty("attempts")[2].GetProperty("number").GetInt32(),
            replayed.GetProperty("attempts")[2].GetProperty("trigger").GetString(),
            replayed.GetProperty("attempts")[2].GetProperty("statusCode").GetInt32()));
        Assert.Equal(3, received.Count);
        Assert.All(received, request => Assert.Equal(published.EventId, request.EventId));
        Assert.All(received, request => Assert.True(request.SignatureValid, $"Invalid signature {request.Signature} at {request.Timestamp}"));
    }

    /// <summary>Polls the vendor's only delivery until it has the status and returns it.</summary>
    private static async Task<System.Text.Json.JsonElement> WaitForStatusAsync(VendorClient vendor, string status)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var list = await (await vendor.Client.GetAsync($"/vendors/{vendor.VendorId}/webhooks/deliveries", TestContext.Current.CancellationToken)).ReadJsonAsync();
            var delivery = Assert.Single(list.GetProperty("deliveries").EnumerateArray());
            if (delivery.GetProperty("status").GetString() == status || DateTimeOffset.UtcNow > deadline)
            {
                Assert.Equal(status, delivery.GetProperty("status").GetString());
                return delivery;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }

    private static ConversationEvent QuestionOpened(string vendorId)
    {
        var openedAt = new DateTimeOffset(2013, 3, 1, 15, 30, 0, TimeSpan.Zero);
        var conversation = new ConversationView(
            vendorId,
            ApiRequests.NewId("conv"),
            ApiRequests.NewId("c"),
            "ACC-1",
            ConversationKind.Question,
            null,
            [new ConversationInvoice("INV-1")],
            ConversationStatus.Open,
            RecordedByStaff: false,
            openedAt,
            [new ConversationMessage("m-1", Party.Customer, "Dana Payer", "When is this due?", openedAt)],
            Version: 1);
        return new ConversationEvent(ApiRequests.NewId("evt"), VendorEventType.QuestionOpened, openedAt, conversation);
    }
}
