namespace TermSync.Digests;

/// <summary>The digest a customer would get for an as-of date, rendered but neither delivered nor recorded.</summary>
[GenerateSerializer, Immutable, Alias("termsync.DigestPreview")]
public sealed record DigestPreview(
    [property: Id(0)] string Period,
    [property: Id(1)] IReadOnlyList<DigestLine> Lines,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Html,
    [property: Id(4)] string Text);
