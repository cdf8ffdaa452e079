namespace TermSync.Accounts;

/// <summary>
/// The contact a vendor keeps for one of its customers. The email (trimmed, lower-case) or, when given, the tax id links the
/// account to a network customer, so one accounts-payable mailbox at two vendors is one customer with one digest.
/// </summary>
/// <param name="TimeZone">IANA time zone for the customer's digests; UTC when null.</param>
/// <param name="Language">IETF language tag for the customer's digests, for example "en" or "de-CH"; English when null.</param>
[GenerateSerializer, Immutable, Alias("termsync.CustomerContact")]
public sealed record CustomerContact(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? TaxId,
    [property: Id(3)] string? TimeZone = null,
    [property: Id(4)] string? Language = null);
