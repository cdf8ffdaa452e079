namespace TermSync.Portal;

/// <summary>The outcome of confirming an email address for the portal.</summary>
public enum PortalConfirmation
{
    /// <summary>The address is the digest mailbox or an invited clerk's.</summary>
    Confirmed = 0,

    /// <summary>The address is neither.</summary>
    Unknown = 1,

    /// <summary>Too many wrong addresses were tried recently; nothing is checked until the window has passed.</summary>
    TooManyAttempts = 2,
}
