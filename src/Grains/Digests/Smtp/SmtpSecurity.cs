namespace TermSync.Grains.Digests.Smtp;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text, no TLS. Only for a relay on the same host or a test server.</summary>
    None = 0,

    /// <summary>Plain text first, then STARTTLS, which is required, so the delivery fails if the server does not offer it. Usual on port 587.</summary>
    StartTls = 1,

    /// <summary>TLS from the first byte (implicit TLS). Usual on port 465.</summary>
    SslOnConnect = 2,

    /// <summary>TLS from the first byte on port 465, otherwise STARTTLS when the server offers it and plain text when it does not.</summary>
    Auto = 3,
}
