using TermSync.Digests;

namespace TermSync.Grains.Digests;

[GenerateSerializer, Alias("termsync.DigestState")]
public sealed class DigestState
{
    /// <summary>Next weekly slot, or null before the reminder is registered.</summary>
    [Id(0)]
    public DateTimeOffset? NextDueAt { get; set; }

    /// <summary>Digests sent, oldest first; one per period.</summary>
    [Id(1)]
    public List<DigestRecord> History { get; set; } = [];
}
