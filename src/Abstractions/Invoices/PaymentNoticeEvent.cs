namespace TermSync.Invoices;

/// <summary>
/// A customer's payment notice as the vendor's webhooks receive it. The invoice grain publishes it again, with the
/// same <see cref="EventId"/>, when the customer repeats the notice, and receivers deduplicate by that id.
/// </summary>
/// <param name="EventId">Unique across the network and stable for one stored notice.</param>
/// <param name="Invoice">The invoice just after the notice, with <see cref="InvoiceSnapshot.PaymentNotice"/> set.</param>
[GenerateSerializer, Immutable, Alias("termsync.PaymentNoticeEvent")]
public sealed record PaymentNoticeEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] DateTimeOffset OccurredAt,
    [property: Id(2)] InvoiceSnapshot Invoice);
