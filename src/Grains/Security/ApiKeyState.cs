namespace TermSync.Grains.Security;

[GenerateSerializer, Alias("termsync.ApiKeyState")]
public sealed class ApiKeyState
{
    /// <summary>The vendor the key belongs to, or null before the key is created.</summary>
    [Id(0)]
    public string? VendorId { get; set; }

    /// <summary>
    /// SHA-256 hash of the key's 32 random secret bytes, never the secret. A plain hash is enough for 256 random bits;
    /// a slow password hash would only add latency to every request.
    /// </summary>
    [Id(1)]
    public byte[] SecretHash { get; set; } = [];

    [Id(2)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(3)]
    public DateTimeOffset? LastUsedAt { get; set; }

    [Id(4)]
    public DateTimeOffset? RevokedAt { get; set; }
}
