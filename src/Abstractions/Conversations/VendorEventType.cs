namespace TermSync.Conversations;

/// <summary>
/// The type of an event in a conversation or on an invoice. Vendors subscribe webhooks to the types in
/// <see cref="VendorEventTypes.Subscribable"/>, and <see cref="VendorReplied"/> and <see cref="Resolved"/> notify the customer.
/// <see cref="VendorEventTypes"/> gives each its name on the wire.
/// </summary>
[GenerateSerializer, Alias("termsync.VendorEventType")]
public enum VendorEventType
{
    QuestionOpened = 0,
    DisputeOpened = 1,
    CustomerReplied = 2,
    SlaBreached = 3,
    VendorReplied = 4,
    Resolved = 5,

    /// <summary>A customer reported paying an invoice, or promised a payment date. It is an invoice event, not a conversation event.</summary>
    PaymentNoticeReceived = 6,
}

/// <summary>Names of <see cref="VendorEventType"/> values on the wire, such as "question.opened".</summary>
public static class VendorEventTypes
{
    /// <summary>The types a vendor can subscribe a webhook endpoint to.</summary>
    public static readonly IReadOnlyList<VendorEventType> Subscribable =
        [
            VendorEventType.QuestionOpened,
            VendorEventType.DisputeOpened,
            VendorEventType.CustomerReplied,
            VendorEventType.SlaBreached,
            VendorEventType.PaymentNoticeReceived,
        ];

    public static string Name(VendorEventType type) => type switch
    {
        VendorEventType.QuestionOpened => "question.opened",
        VendorEventType.DisputeOpened => "dispute.opened",
        VendorEventType.CustomerReplied => "customer.replied",
        VendorEventType.SlaBreached => "sla.breached",
        VendorEventType.VendorReplied => "vendor.replied",
        VendorEventType.Resolved => "conversation.resolved",
        VendorEventType.PaymentNoticeReceived => "payment.notice",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown event type."),
    };

    /// <summary>Parses a wire name; false for a name that is not one.</summary>
    public static bool TryParse(string? name, out VendorEventType type)
    {
        foreach (var candidate in Enum.GetValues<VendorEventType>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }
}

/// <summary>
/// One thing that happened in a conversation, published on the vendor's conversation stream. The conversation's stored
/// state lists every event until each consumer has acknowledged it, and publishes again what is still unacknowledged,
/// so consumers must treat a repeated <see cref="EventId"/> as done.
/// </summary>
/// <param name="EventId">Unique across the network and stable across re-publication; webhook receivers deduplicate by it.</param>
/// <param name="Conversation">The conversation just after the event.</param>
[GenerateSerializer, Immutable, Alias("termsync.ConversationEvent")]
public sealed record ConversationEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] VendorEventType Type,
    [property: Id(2)] DateTimeOffset OccurredAt,
    [property: Id(3)] ConversationView Conversation);
