using TermSync.Conversations;
using TermSync.Tests;
using TermSync.Vendors;
using TermSync.Webhooks;

namespace TermSync.Grains.Tests.Conversations;

/// <summary>Conversation events reaching a vendor's webhook receiver through the stream and the notifier.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ConversationWebhookTests(ClusterFixture fixture) : IAsyncLifetime
{
    private TestWebhookReceiver _receiver = null!;

    private IGrainFactory Grains => fixture.Grains;

    public async ValueTask InitializeAsync() => _receiver = await TestWebhookReceiver.StartAsync();

    public ValueTask DisposeAsync() => _receiver.DisposeAsync();

    [Fact]
    public async Task Receiver_gets_each_event_once()
    {
        var (vendorId, _) = await ResponseClockTests.VendorWithInvoiceAsync(Grains, "INV-1", "INV-2");
        var alwaysOpen = Enum.GetValues<DayOfWeek>().Select(day => new BusinessHours(day, TimeOnly.MinValue, new TimeOnly(23, 59, 59))).ToList();
        await Grains.GetGrain<IVendorGrain>(vendorId).SetResponseSettingsAsync(new ResponseSettings(alwaysOpen, [], TimeSpan.FromSeconds(2)));
        var registration = await Grains.GetGrain<IVendorWebhooksGrain>(vendorId).AddEndpointAsync(_receiver.Url("events"), VendorEventTypes.Subscribable);
        _receiver.SetSecret("events", registration.Secret!);
        _receiver.RespondWith("events", 500);

        var question = ResponseClockTests.Conversation(Grains, vendorId, "question-1");
        await question.OpenAsync(ResponseClockTests.Question("INV-1"));
        await question.ReplyAsync(new ReplyDraft("follow-up", Party.Customer, "Sam Clerk", "Any news?"));
        var dispute = ResponseClockTests.Conversation(Grains, vendorId, "dispute-1");
        await dispute.OpenAsync(new ConversationDraft(ConversationKind.Dispute, [new ConversationInvoice("INV-2", 100m)], DisputeReason.Quantity, "opening", "Sam Clerk", "Two cases missing."));
        await dispute.ReplyAsync(new ReplyDraft("answer", Party.Vendor, "Dana", "We are checking the delivery note."));
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        await question.WakeAsync();
        await question.WakeAsync();

        await _receiver.WaitForAsync("events", 5, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var received = _receiver.Received("events");
        var accepted = received.Where(request => request.RespondedWith == 200).ToList();

        Assert.All(received, request => Assert.True(request.SignatureValid, $"Invalid signature on event {request.EventId}"));
        Assert.Equal(500, received[0].RespondedWith);
        Assert.Contains(accepted, request => request.EventId == received[0].EventId);
        Assert.Equal(accepted.Count, accepted.Select(request => request.EventId).Distinct().Count());
        Assert.Equal(
            ["customer.replied", "dispute.opened", "question.opened", "sla.breached"],
            accepted.Select(request => request.EventType!).Order(StringComparer.Ordinal));
        Assert.Equal(received.Count - 1, accepted.Count);
    }
}
