namespace TermSync.Grains.Digests;

/// <summary>Settings of digest scheduling and delivery, bound from the "Digests" configuration section.</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digests";

    /// <summary>Folder that receives one HTML and one plain-text file per digest. Default "var/outbox".</summary>
    public string OutboxPath { get; set; } = Path.Combine("var", "outbox");

    /// <summary>Base address of the pay and ask links in digests. Default "http://127.0.0.1:5080".</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// How often the reminder wakes each customer's digest grain to check its schedule. Default 1 hour,
    /// so a digest goes out at most this long after its slot, including after the cluster was down.
    /// </summary>
    public TimeSpan TickPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Weekday of the weekly digest, in UTC. Default Monday.</summary>
    public DayOfWeek SendDay { get; set; } = DayOfWeek.Monday;

    /// <summary>Time of day of the weekly digest, in UTC. Default 08:00.</summary>
    public TimeOnly SendTime { get; set; } = new(8, 0);
}
