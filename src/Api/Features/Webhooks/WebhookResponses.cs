using TermSync.Conversations;
using TermSync.Webhooks;

namespace TermSync.Api.Features.Webhooks;

/// <summary>A webhook endpoint, with event types by their wire names such as "question.opened".</summary>
public sealed record EndpointResponse(string EndpointId, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt)
{
    public static EndpointResponse From(WebhookEndpoint endpoint) =>
        new(endpoint.EndpointId, endpoint.Url, [.. endpoint.Events.Select(VendorEventTypes.Name)], endpoint.CreatedAt);
}

/// <summary>One event on its way to one endpoint; times in UTC.</summary>
/// <param name="Status">"pending" while automatic attempts continue, then "succeeded" or "failed".</param>
/// <param name="NextAttemptAt">When the next automatic attempt is due, or null once the delivery has ended.</param>
/// <param name="LastError">The outcome of the latest failed attempt, such as "HTTP 500", or why the delivery stopped.</param>
public sealed record DeliverySummaryResponse(
    string DeliveryId,
    string EndpointId,
    string EventId,
    string EventType,
    WebhookDeliveryStatus Status,
    int AttemptCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstAttemptAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    string? LastError)
{
    public static DeliverySummaryResponse From(WebhookDeliverySummary summary) => new(
        summary.DeliveryId,
        summary.EndpointId,
        summary.EventId,
        VendorEventTypes.Name(summary.EventType),
        summary.Status,
        summary.AttemptCount,
        summary.CreatedAt,
        summary.FirstAttemptAt,
        summary.LastAttemptAt,
        summary.NextAttemptAt,
        summary.LastError);
}

/// <summary>One HTTP request of a delivery.</summary>
/// <param name="Trigger">"automatic" for the first attempt and scheduled retries, "replay" for a vendor's replay.</param>
/// <param name="StatusCode">The receiver's HTTP status code, or null when no response arrived.</param>
/// <param name="Error">Why no response arrived, or null when one did.</param>
/// <param name="DurationMs">Milliseconds from sending the request to the response headers or giving up.</param>
public sealed record AttemptResponse(int Number, DateTimeOffset At, WebhookAttemptTrigger Trigger, int? StatusCode, string? Error, long DurationMs)
{
    public static AttemptResponse From(WebhookAttempt attempt) =>
        new(attempt.Number, attempt.At, attempt.Trigger, attempt.StatusCode, attempt.Error, (long)attempt.Duration.TotalMilliseconds);
}

/// <summary>A delivery with every attempt, oldest first.</summary>
public sealed record DeliveryResponse(DeliverySummaryResponse Delivery, IReadOnlyList<AttemptResponse> Attempts)
{
    public static DeliveryResponse From(WebhookDeliveryDetail detail) =>
        new(DeliverySummaryResponse.From(detail.Summary), [.. detail.Attempts.Select(AttemptResponse.From)]);
}
