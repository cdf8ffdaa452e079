namespace TermSync.Grains.Digests;

/// <summary>Settings of digest scheduling, links and the contact budget, bound from the "Digests" configuration section.</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digests";

    /// <summary>Folder that receives one HTML and one plain-text file per digest when no SMTP host is set. Default "var/outbox".</summary>
    public string OutboxPath { get; set; } = Path.Combine("var", "outbox");

    /// <summary>Base address of the links in digests. Default "http://127.0.0.1:5080".</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// Base64 HMAC-SHA256 key, at least 32 bytes, that signs digest links; every silo and API process needs the
    /// same key. Required: startup fails without it.
    /// </summary>
    public string? LinkSigningKey { get; set; }

    /// <summary>How long a digest link stays valid. Default 30 days.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Period of the reminder that wakes each digest grain after its slot, so a missed wake-up is caught up at
    /// most this late. Default 1 hour. The first wake-up after each change of schedule is aimed at the slot itself.
    /// </summary>
    public TimeSpan TickPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Maximum digests per customer per local day, whatever triggered them. Default 1.</summary>
    public int MaxPerDay { get; set; } = 1;

    /// <summary>Maximum digests per customer in any 7 consecutive local days. Default 2.</summary>
    public int MaxPerWeek { get; set; } = 2;

    /// <summary>Digests kept in each customer's history; older ones are dropped. Default 200.</summary>
    public int HistoryLimit { get; set; } = 200;
}
