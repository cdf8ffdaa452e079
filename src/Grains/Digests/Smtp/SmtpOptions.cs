namespace TermSync.Grains.Digests.Smtp;

/// <summary>
/// Settings of digest delivery over SMTP, bound from the "Smtp" configuration section. Digests go to the
/// outbox folder instead when <see cref="Host"/> is not set.
/// </summary>
/// <remarks>
/// One delivery runs inside a digest grain call whose response timeout is 5 minutes. In the worst case a
/// delivery takes <see cref="MaxAttempts"/> × <see cref="Timeout"/> plus the retry delays (about 134 s with the
/// defaults), so keep that sum below 5 minutes.
/// </remarks>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    /// <summary>Host name or address of the SMTP server. Default null, which keeps the outbox folder as the delivery.</summary>
    public string? Host { get; set; }

    /// <summary>TCP port of the SMTP server. Default 587 (message submission).</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured. Default <see cref="SmtpSecurity.StartTls"/>.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>User name for SMTP authentication. Default null, which sends without authenticating.</summary>
    public string? Username { get; set; }

    /// <summary>Password for SMTP authentication. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Sender address of every digest, for example "digests@termsync.example". Required when <see cref="Host"/> is set. Its domain also ends every Message-ID.</summary>
    public string? From { get; set; }

    /// <summary>Display name of the sender. Default "TermSync".</summary>
    public string FromName { get; set; } = "TermSync";

    /// <summary>Maximum time of one attempt: connecting, TLS, authentication and sending. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per delivery, the first one included, before a transient failure is recorded as failed. Default 4.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Wait before the second attempt. Each further wait doubles it (2, 4, 8 seconds with the defaults) up to 5 minutes. Default 2 seconds.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
