using System.Diagnostics.Metrics;
using TermSync.Conversations;
using TermSync.Digests;
using TermSync.Invoices;
using TermSync.Webhooks;

namespace TermSync.Grains.Telemetry;

/// <summary>
/// Instruments of the "TermSync" meter, recorded by the grains of the silo they run in. Every label value comes from
/// a fixed set (outcomes, statuses, event types) and never from an id, so each instrument has a bounded number of series.
/// </summary>
public sealed class TermSyncMetrics
{
    /// <summary>The meter name that an exporter subscribes to.</summary>
    public const string MeterName = "TermSync";

    private readonly Counter<long> _invoiceIssues;
    private readonly Counter<long> _digestDeliveries;
    private readonly Counter<long> _conversationEvents;
    private readonly Counter<long> _webhookDeliveries;
    private readonly Counter<long> _webhookAttempts;

    public TermSyncMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _invoiceIssues = meter.CreateCounter<long>(
            "termsync.invoices.ingested",
            unit: "{invoice}",
            description: "Invoices pushed to invoice grains, by outcome: created, updated, unchanged or rejected.");
        _digestDeliveries = meter.CreateCounter<long>(
            "termsync.digests.sent",
            unit: "{digest}",
            description: "Digests handed to delivery, by the returned delivery status.");
        _conversationEvents = meter.CreateCounter<long>(
            "termsync.conversation.events",
            unit: "{event}",
            description: "Conversation events recorded, by event type as named on the wire.");
        _webhookDeliveries = meter.CreateCounter<long>(
            "termsync.webhook.deliveries",
            unit: "{delivery}",
            description: "Webhook deliveries that ended, by outcome. A failed delivery that a replay later delivers counts once as failed and once as succeeded.");
        _webhookAttempts = meter.CreateCounter<long>(
            "termsync.webhook.attempts",
            unit: "{attempt}",
            description: "HTTP requests sent to webhook endpoints, by trigger and result.");
    }

    /// <summary>Counts one invoice issue command by how it ended. A repeated push of the same invoice counts as unchanged.</summary>
    public void RecordInvoiceIssue(InvoiceCommandResult result)
    {
        var outcome = result.Status switch
        {
            InvoiceCommandStatus.Applied when result.Outcome == WriteOutcome.Created => "created",
            InvoiceCommandStatus.Applied => "updated",
            InvoiceCommandStatus.Unchanged => "unchanged",
            _ => "rejected",
        };
        _invoiceIssues.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <summary>Counts one digest by the status its delivery returned.</summary>
    public void RecordDigestDelivery(DeliveryStatus status)
    {
        var name = status switch
        {
            DeliveryStatus.Pending => "pending",
            DeliveryStatus.Delivered => "delivered",
            DeliveryStatus.Failed => "failed",
            DeliveryStatus.Rejected => "rejected",
            DeliveryStatus.Withdrawn => "withdrawn",
            _ => "unknown",
        };
        _digestDeliveries.Add(1, new KeyValuePair<string, object?>("status", name));
    }

    /// <summary>Counts one conversation event when the conversation adds it to its state, not each time it is published.</summary>
    public void RecordConversationEvent(VendorEventType type) =>
        _conversationEvents.Add(1, new KeyValuePair<string, object?>("type", VendorEventTypes.Name(type)));

    /// <summary>Counts one webhook delivery that ended as succeeded or failed.</summary>
    public void RecordWebhookDeliveryEnded(WebhookDeliveryStatus status)
    {
        var outcome = status switch
        {
            WebhookDeliveryStatus.Succeeded => "succeeded",
            WebhookDeliveryStatus.Failed => "failed",
            _ => "pending",
        };
        _webhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <summary>Counts one HTTP request to a webhook endpoint. A 2xx response is a success, anything else a failure.</summary>
    public void RecordWebhookAttempt(WebhookAttemptTrigger trigger, bool succeeded) =>
        _webhookAttempts.Add(
            1,
            new KeyValuePair<string, object?>("trigger", trigger == WebhookAttemptTrigger.Replay ? "replay" : "automatic"),
            new KeyValuePair<string, object?>("result", succeeded ? "success" : "failure"));
}
