namespace TermSync.Api.Features.Vendors.Register;

/// <summary>A vendor to create or update.</summary>
/// <param name="Id">Vendor id: 1 to 64 lower-case letters, digits and '-'.</param>
/// <param name="TimeZone">IANA time zone of the vendor's business dates; UTC when omitted.</param>
/// <param name="RemindBeforeDue">Whether digests may show the vendor's invoices before their due date; true when
/// omitted. When false, its invoices appear only once past due and never trigger a due-soon digest.</param>
public sealed record Request(string Id, string? Name, string? ContactEmail, string? TimeZone, bool? RemindBeforeDue = null);
