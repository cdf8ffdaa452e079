namespace TermSync.Invoices;

/// <summary>The customer an invoice is billed to.</summary>
/// <param name="Id">Network customer id; every vendor that bills this id adds to one bundled digest.</param>
/// <param name="Name">Customer name shown in the digest.</param>
/// <param name="Email">Accounts-payable mailbox that receives the digest, if known.</param>
/// <param name="TimeZone">IANA time zone of the customer's digests; UTC when null.</param>
/// <param name="Language">IETF language tag of the customer's digests; English when null.</param>
[GenerateSerializer, Immutable, Alias("termsync.CustomerReference")]
public sealed record CustomerReference(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? TimeZone = null,
    [property: Id(4)] string? Language = null);
