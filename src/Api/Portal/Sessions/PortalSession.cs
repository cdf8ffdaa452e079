namespace TermSync.Api.Portal.Sessions;

/// <summary>A confirmed clerk's portal session: the customer, the address the clerk confirmed and when the session ends.</summary>
public sealed record PortalSession(string CustomerId, string Email, DateTimeOffset ExpiresAt);
