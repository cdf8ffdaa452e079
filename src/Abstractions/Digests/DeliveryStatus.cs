namespace TermSync.Digests;

/// <summary>The delivery state of a digest at the mail server or outbox.</summary>
[GenerateSerializer, Alias("termsync.DeliveryStatus")]
public enum DeliveryStatus
{
    /// <summary>Recorded and handed to delivery, with no outcome stored yet; a restart sends it again.</summary>
    Pending = 0,

    /// <summary>Accepted by the mail server, or written to the outbox.</summary>
    Delivered = 1,

    /// <summary>Failed after every retry for a reason that may pass; the period stays eligible.</summary>
    Failed = 2,

    /// <summary>Refused for good, for example an unknown mailbox or no address; not retried for the period.</summary>
    Rejected = 3,

    /// <summary>Not sent again after a failure, because nothing was actionable any more or the customer unsubscribed.</summary>
    Withdrawn = 4,
}
