using TermSync.Webhooks;

namespace TermSync.Grains.Webhooks;

/// <summary>The stored state of one webhook delivery.</summary>
[GenerateSerializer, Alias("termsync.WebhookDeliveryState")]
public sealed class WebhookDeliveryState
{
    /// <summary>The event and its body, or null until the delivery is started.</summary>
    [Id(0)] public WebhookDeliveryRequest? Request { get; set; }

    [Id(1)] public WebhookDeliveryStatus Status { get; set; }

    /// <summary>Every attempt, oldest first, replays included.</summary>
    [Id(2)] public List<WebhookAttempt> Attempts { get; set; } = [];

    /// <summary>When the next automatic attempt is due, or null once the delivery has ended.</summary>
    [Id(3)] public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>When the first automatic attempt started: the start of the retry window.</summary>
    [Id(4)] public DateTimeOffset? FirstAutomaticAttemptAt { get; set; }

    /// <summary>Automatic attempts that failed, which sets the next backoff delay.</summary>
    [Id(5)] public int FailedAutomaticAttempts { get; set; }

    [Id(6)] public string? LastError { get; set; }
}
