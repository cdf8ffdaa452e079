using System.Net.Mail;

namespace TermSync.Portal;

/// <summary>Limits of the customer portal's sign-in.</summary>
public static class PortalRules
{
    /// <summary>Wrong addresses allowed within <see cref="FailureWindow"/> before confirmation stops for the rest of it.</summary>
    public const int MaxFailedConfirmations = 5;

    /// <summary>Longest email address accepted, in characters (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>The most clerks one customer may invite.</summary>
    public const int MaxClerks = 50;

    /// <summary>The most invitation emails one customer sends in 24 hours, so the invite form cannot flood a mailbox.</summary>
    public const int MaxInvitationsPerDay = 20;

    /// <summary>Shortest time between two invitation emails to one address.</summary>
    public static readonly TimeSpan InvitationInterval = TimeSpan.FromMinutes(10);

    /// <summary>How long wrong addresses count against the customer.</summary>
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);

    /// <summary>Shortest time between two fresh links sent to the digest mailbox.</summary>
    public static readonly TimeSpan FreshLinkInterval = TimeSpan.FromMinutes(10);

    /// <summary>Returns the address trimmed and lower-case, the form members are stored and compared in.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Whether <paramref name="email"/> is one plain address such as "ap@acme.example", without a display name.</summary>
    public static bool IsEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Trim().Length > MaxEmailLength)
        {
            return false;
        }

        var trimmed = email.Trim();
        return MailAddress.TryCreate(trimmed, out var address)
            && string.Equals(address.Address, trimmed, StringComparison.Ordinal)
            && address.Host.Contains('.', StringComparison.Ordinal);
    }
}
