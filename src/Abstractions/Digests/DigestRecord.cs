namespace TermSync.Digests;

/// <summary>A digest in the customer's history, from the moment it is handed to delivery.</summary>
/// <param name="DigestId">Customer id and <paramref name="Key"/>; delivery uses it as the message id.</param>
/// <param name="Key">The period for scheduled, requested and cycle digests (the local date of the period's slot,
/// for example "2026-12-07"), or the local date and trigger for due-soon and past-due digests.</param>
/// <param name="Period">The schedule period the digest was sent in, as the local date of its slot.</param>
/// <param name="RequestedBy">The vendor that asked for the digest, for <see cref="DigestReason.VendorRequest"/>.</param>
/// <param name="AsOf">Business date of the amounts and days past due.</param>
/// <param name="LocalDate">Date in the customer's time zone when the digest was created; the contact budget counts these.</param>
/// <param name="CreatedAt">Instant the digest was first handed to delivery.</param>
/// <param name="Lines">Every invoice shown, with the amount shown.</param>
/// <param name="Attempts">Delivery attempts, over every retry and tick.</param>
/// <param name="DeliveryDetail">The mail server's reply or the error of the last attempt, when it did not succeed.</param>
/// <param name="Location">Where delivery put it: the SMTP message id, or the outbox path of the HTML part.</param>
/// <param name="SurveyId">The satisfaction survey the digest asked, or null.</param>
[GenerateSerializer, Immutable, Alias("termsync.DigestRecord")]
public sealed record DigestRecord(
    [property: Id(0)] string DigestId,
    [property: Id(1)] string Key,
    [property: Id(2)] string Period,
    [property: Id(3)] DigestReason Reason,
    [property: Id(4)] string? RequestedBy,
    [property: Id(5)] DateOnly AsOf,
    [property: Id(6)] DateOnly LocalDate,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] IReadOnlyList<DigestLine> Lines,
    [property: Id(9)] DeliveryStatus Delivery,
    [property: Id(10)] int Attempts,
    [property: Id(11)] string? DeliveryDetail,
    [property: Id(12)] string? Location,
    [property: Id(13)] DateTimeOffset? DeliveredAt,
    [property: Id(14)] string? SurveyId = null)
{
    /// <summary>Number of distinct vendors in the digest.</summary>
    public int VendorCount => Lines.Select(line => line.VendorId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Number of invoices in the digest, including those under review.</summary>
    public int InvoiceCount => Lines.Count;

    /// <summary>Whether the digest reached, or may have reached, the customer: it counts against the contact budget.</summary>
    public bool CountsAsContact => Delivery is DeliveryStatus.Delivered or DeliveryStatus.Pending;
}
