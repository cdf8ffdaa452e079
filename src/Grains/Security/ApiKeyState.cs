using TermSync.Security;

namespace TermSync.Grains.Security;

[GenerateSerializer, Alias("termsync.ApiKeyState")]
public sealed class ApiKeyState
{
    /// <summary>The vendor a vendor key belongs to, or null for an analyst key and before the key is created.</summary>
    [Id(0)]
    public string? VendorId { get; set; }

    /// <summary>
    /// SHA-256 hash of the key's 32 random secret bytes, never the secret, and empty before the key is created. A plain
    /// hash is enough for 256 random bits. A slow password hash would only add latency to every request.
    /// </summary>
    [Id(1)]
    public byte[] SecretHash { get; set; } = [];

    [Id(2)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(3)]
    public DateTimeOffset? LastUsedAt { get; set; }

    [Id(4)]
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The principal the key authenticates. A state stored without this field reads as <see cref="ApiKeyKind.Vendor"/>.</summary>
    [Id(5)]
    public ApiKeyKind Kind { get; set; }

    /// <summary>The administrator's label of an analyst key, or null for a vendor key.</summary>
    [Id(6)]
    public string? Label { get; set; }

    /// <summary>Whether the key was issued.</summary>
    public bool IsCreated => SecretHash.Length > 0;
}
