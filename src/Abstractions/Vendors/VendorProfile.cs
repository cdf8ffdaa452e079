namespace TermSync.Vendors;

/// <summary>A vendor's profile as the vendor registered it.</summary>
/// <param name="Name">Display name shown to customers in digests and statements.</param>
/// <param name="ContactEmail">Accounts-receivable mailbox that receives customers' questions.</param>
/// <param name="TimeZone">IANA time zone of the vendor's business dates; UTC by default.</param>
/// <param name="RemindBeforeDue">Whether digests may show the vendor's invoices before their due date; when false,
/// they appear only once past due and never trigger a due-soon digest.</param>
[GenerateSerializer, Immutable, Alias("termsync.VendorProfile")]
public sealed record VendorProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string ContactEmail,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] bool RemindBeforeDue = true);
