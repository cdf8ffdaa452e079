using TermSync.Digests;

namespace TermSync.Grains.Digests;

[GenerateSerializer, Alias("termsync.DigestState")]
public sealed class DigestState
{
    [Id(0)]
    public DigestPreferences Preferences { get; set; } = DigestPreferences.Default;

    /// <summary>The customer's time zone from its invoices, used when the preferences name none.</summary>
    [Id(1)]
    public string? CustomerTimeZone { get; set; }

    /// <summary>Local date the customer joined; due-soon and past-due triggers before it do not fire.</summary>
    [Id(2)]
    public DateOnly? EnrolledOn { get; set; }

    /// <summary>Instant of the next scheduled slot; null before enrollment and while unsubscribed.</summary>
    [Id(3)]
    public DateTimeOffset? NextDueAt { get; set; }

    /// <summary>Instant of the next daily check for due-soon and past-due triggers, at the slot's local time.</summary>
    [Id(4)]
    public DateTimeOffset? NextCheckAt { get; set; }

    /// <summary>Instant the reminder was last aimed at, so an unchanged target is not written again.</summary>
    [Id(5)]
    public DateTimeOffset? ReminderTarget { get; set; }

    /// <summary>Digests handed to delivery, oldest first, at most one per key.</summary>
    [Id(6)]
    public List<DigestRecord> History { get; set; } = [];
}
