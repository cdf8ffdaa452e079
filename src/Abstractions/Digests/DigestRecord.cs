using TermSync.Money;

namespace TermSync.Digests;

/// <summary>A digest that was sent, as kept in the customer's digest history.</summary>
/// <param name="DigestId">Customer id and period, for example "acme:2013-W26"; one digest per id.</param>
/// <param name="Period">ISO 8601 week of the as-of date, for example "2013-W26".</param>
/// <param name="AsOf">Business date the digest was computed for.</param>
/// <param name="CreatedAt">Instant the digest was handed to delivery.</param>
/// <param name="Trigger">What started it: "schedule" (the customer's reminder) or "cycle" (a digest cycle request).</param>
/// <param name="Totals">Totals per currency, including invoices under review.</param>
/// <param name="Location">Where delivery put it; for the outbox, the path of the HTML part.</param>
[GenerateSerializer, Immutable, Alias("termsync.DigestRecord")]
public sealed record DigestRecord(
    [property: Id(0)] string DigestId,
    [property: Id(1)] string Period,
    [property: Id(2)] DateOnly AsOf,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string Trigger,
    [property: Id(5)] int VendorCount,
    [property: Id(6)] int InvoiceCount,
    [property: Id(7)] IReadOnlyList<CurrencyTotal> Totals,
    [property: Id(8)] string Location);
