using TermSync.Conversations;
using TermSync.Webhooks;

namespace TermSync.Grains.Tests.Webhooks;

/// <summary>Conversation events and polling helpers for webhook tests; ids are unique per call.</summary>
internal static class WebhookEvents
{
    /// <summary>How long a test waits for a delivery to reach a state; the cluster retries within seconds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static ConversationEvent Create(string vendorId, VendorEventType type, string? eventId = null)
    {
        var openedAt = new DateTimeOffset(2013, 3, 1, 15, 30, 0, TimeSpan.Zero);
        var kind = type == VendorEventType.DisputeOpened ? ConversationKind.Dispute : ConversationKind.Question;
        var message = new ConversationMessage("m-1", Party.Customer, "Dana Payer", "Why is the freight charged twice?", openedAt);
        var conversation = new ConversationView(
            vendorId,
            TestData.NewId("conv"),
            TestData.NewId("c"),
            "ACC-1",
            kind,
            kind == ConversationKind.Dispute ? DisputeReason.DuplicateBilling : null,
            [new ConversationInvoice("INV-1", kind == ConversationKind.Dispute ? 40.50m : null)],
            ConversationStatus.Open,
            RecordedByStaff: false,
            openedAt,
            [message],
            Version: 1);
        return new ConversationEvent(eventId ?? TestData.NewId("evt"), type, openedAt, conversation);
    }

    public static IWebhookDeliveryGrain Delivery(this IGrainFactory grains, string vendorId, string endpointId, string eventId) =>
        grains.GetGrain<IWebhookDeliveryGrain>(WebhookDeliveryIds.GrainKey(vendorId, WebhookDeliveryIds.Create(endpointId, eventId)));

    /// <summary>Polls the delivery until it has left <see cref="WebhookDeliveryStatus.Pending"/> and returns it.</summary>
    /// <exception cref="TimeoutException">The delivery was still pending after <see cref="Patience"/>.</exception>
    public static async Task<WebhookDeliveryDetail> WaitUntilEndedAsync(this IWebhookDeliveryGrain delivery)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var detail = await delivery.GetAsync();
            if (detail is { Summary.Status: not WebhookDeliveryStatus.Pending })
            {
                return detail;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Delivery {delivery.GetPrimaryKeyString()} was still pending after {Patience}: {detail?.Summary}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }
}
