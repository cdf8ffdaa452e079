namespace TermSync.Api.Portal.Sessions;

/// <summary>A confirmed clerk's portal session: the customer, the address the clerk confirmed and when the session ends.</summary>
/// <param name="Stamp">The clerk's session stamp from the portal grain when the session started. Signing out or removal
/// changes the stamp there, which ends the session even though the cookie is still signed and unexpired.</param>
public sealed record PortalSession(string CustomerId, string Email, string Stamp, DateTimeOffset ExpiresAt);
